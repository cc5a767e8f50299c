import XCTest
@testable import PyInterpreter

final class SmokeTests: InterpreterTestCase {
    func testHelloAndArithmetic() {
        assertOutput("print('hello', 1 + 2, 7 // 2, -7 // 2, 7 % -3, 2 ** -1, 10 / 4)", "hello 3 3 -4 -2 0.5 2.5\n")
    }
    func testFunctionsAndLoops() {
        assertOutput("""
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        s = 0
        for i in range(10):
            s += fib(i)
        print(s, [fib(i) for i in range(8)])
        """, "88 [0, 1, 1, 2, 3, 5, 8, 13]\n")
    }
}
