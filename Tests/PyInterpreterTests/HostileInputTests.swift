import XCTest
@testable import PyInterpreter

/// Hostile cells found by auditing: each once crashed, hung past its limit or
/// grew without bound. Expected outputs come from CPython 3.11.
final class HostileInputTests: InterpreterTestCase {
    /// C3 linearization was cubic in the depth of a class chain and ran
    /// without checking the clock: 10,000 nested subclasses overran a 5 s limit by 40 s.
    func testDeepClassChainsLinearizeQuickly() {
        assertOutput("""
        class O: pass
        class F(O): pass
        class E(O): pass
        class D(O): pass
        class C(D, F): pass
        class B(D, E): pass
        class A(B, C): pass
        print([k.__name__ for k in A.__mro__])
        class X: pass
        class Y(X): pass
        C0 = X
        for i in range(3000):
            class N(C0): pass
            C0 = N
        class M(C0, Y): pass
        print(len(M.__mro__), M.__mro__[-3].__name__, M.__mro__[-2].__name__)
        """, "['A', 'B', 'C', 'D', 'E', 'F', 'O', 'object']\n3004 Y X\n")
        let conflict = run("class X: pass\nclass Y(X): pass\nclass Z(X, Y): pass")
        XCTAssertEqual(conflict.error?.type, "TypeError")
    }
}
