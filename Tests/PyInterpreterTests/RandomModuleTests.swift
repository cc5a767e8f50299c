import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class RandomModuleTests: InterpreterTestCase {
    func test_random_streams() {
        assertOutput("""
        import random
        random.seed(42)
        print(random.random(), random.random(), random.randint(1, 10), random.randrange(100), random.randrange(0, 100, 5), random.choice("abcdef"), random.uniform(1, 2))
        random.seed(0)
        xs = list(range(10))
        random.shuffle(xs)
        print(xs, random.sample(range(100), 5), random.choices("abc", k=5), random.choices([1, 2, 3], weights=[1, 0, 5], k=4), random.gauss(0, 1), random.getrandbits(70))
        random.seed("hello")
        print(random.random(), random.normalvariate(5, 2), random.triangular(0, 10, 3), random.expovariate(2.0))

        """, "0.6394267984578837 0.025010755222666936 5 31 35 b 1.7364712141640124\n[7, 8, 1, 5, 3, 4, 2, 0, 9, 6] [45, 74, 27, 64, 17] ['a', 'c', 'b', 'a', 'c'] [3, 3, 3, 3] -0.27053036780885487 559493385863510463018\n0.3537754404730722 6.2377321786392965 1.9813317757354751 0.026218917702402453\n")
    }

    func test_random_errors() {
        assertError("""
        import random
        random.seed(1)
        print(random.randint(5, 5))
        random.choice([])

        """, "IndexError: Cannot choose from an empty sequence", output: "5\n", at: (4, 1))
    }

    func test_random_randrange_empty() {
        assertError("""
        import random
        random.randrange(0)

        """, "ValueError: empty range for randrange()", output: "", at: (2, 1))
    }

}
