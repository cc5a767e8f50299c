import XCTest
@testable import PyInterpreter

/// `Tensor.numpy()` arrays and scalars print as NumPy 2.4 does. Expected
/// outputs were recorded from real PyTorch 2.15 + NumPy 2.4.6 (tools/torch_reference.py style).
final class NumpyArrayTests: InterpreterTestCase {
    func testZeroDimFloat32() {
        assertOutput("""
        import torch
        t = torch.tensor(2.5).numpy()
        print(t)
        print(repr(t))
        print(t.shape, t.dtype, repr(t.dtype))
        """, """
        2.5
        array(2.5, dtype=float32)
        () float32 dtype('float32')

        """)
    }

    func testWholeFloats() {
        assertOutput("""
        import torch
        a = torch.tensor([1., 2.]).numpy()
        print(a)
        print(repr(a))
        """, """
        [1. 2.]
        array([1., 2.], dtype=float32)

        """)
    }

    func testMaxprecPadding() {
        assertOutput("""
        import torch
        a = torch.tensor([0.1, 0.25]).numpy()
        print(a)
        print(repr(a))
        """, """
        [0.1  0.25]
        array([0.1 , 0.25], dtype=float32)

        """)
    }

    func testNegatives() {
        assertOutput("""
        import torch
        a = torch.tensor([-1., 2.5, 0.1, 0.25]).numpy()
        print(a)
        print(repr(a))
        """, """
        [-1.    2.5   0.1   0.25]
        array([-1.  ,  2.5 ,  0.1 ,  0.25], dtype=float32)

        """)
    }

    func testScientificSmall() {
        assertOutput("""
        import torch
        a = torch.tensor([1e-5, 1.]).numpy()
        print(a)
        print(repr(a))
        """, """
        [1.e-05 1.e+00]
        array([1.e-05, 1.e+00], dtype=float32)

        """)
    }

    func testScientificMixedSigns() {
        assertOutput("""
        import torch
        a = torch.tensor([1.5e-5, 1., -3.25e7]).numpy()
        print(a)
        print(repr(a))
        """, """
        [ 1.50e-05  1.00e+00 -3.25e+07]
        array([ 1.50e-05,  1.00e+00, -3.25e+07], dtype=float32)

        """)
    }

    func testScientificFloat64WithZero() {
        assertOutput("""
        import torch
        a = torch.tensor([0., 1e5, 1e8], dtype=torch.float64).numpy()
        print(a)
        print(repr(a))
        """, """
        [0.e+00 1.e+05 1.e+08]
        array([0.e+00, 1.e+05, 1.e+08])

        """)
    }

    func testNanAndInf() {
        assertOutput("""
        import torch
        a = torch.tensor([float('nan'), float('inf')]).numpy()
        print(a)
        b = torch.tensor([float('nan'), 1.5, -float('inf')]).numpy()
        print(b)
        print(repr(b))
        print(torch.tensor([float('nan'), 1e-5, -float('inf')]).numpy())
        """, """
        [nan inf]
        [ nan  1.5 -inf]
        array([ nan,  1.5, -inf], dtype=float32)
        [   nan 1.e-05   -inf]

        """)
    }

    func testIntegers() {
        assertOutput("""
        import torch
        a = torch.tensor([1, 2, 3]).numpy()
        print(a)
        print(repr(a))
        print(repr(torch.tensor([[1, -20], [3, 4]], dtype=torch.int32).numpy()))
        """, """
        [1 2 3]
        array([1, 2, 3])
        array([[  1, -20],
               [  3,   4]], dtype=int32)

        """)
    }

    func testBools() {
        assertOutput("""
        import torch
        a = torch.tensor([True, False]).numpy()
        print(a)
        print(repr(a))
        print(repr(torch.tensor(True).numpy()), torch.tensor(True).numpy())
        """, """
        [ True False]
        array([ True, False])
        array(True) True

        """)
    }

    func testFloat32Wrapping() {
        assertOutput("""
        import torch
        a = (torch.arange(30.) / 7).numpy()
        print(a)
        print(repr(a))
        """, """
        [0.         0.14285715 0.2857143  0.42857143 0.5714286  0.71428573
         0.85714287 1.         1.1428572  1.2857143  1.4285715  1.5714285
         1.7142857  1.8571428  2.         2.142857   2.2857144  2.4285715
         2.5714285  2.7142856  2.857143   3.         3.142857   3.2857144
         3.4285715  3.5714285  3.7142856  3.857143   4.         4.142857  ]
        array([0.        , 0.14285715, 0.2857143 , 0.42857143, 0.5714286 ,
               0.71428573, 0.85714287, 1.        , 1.1428572 , 1.2857143 ,
               1.4285715 , 1.5714285 , 1.7142857 , 1.8571428 , 2.        ,
               2.142857  , 2.2857144 , 2.4285715 , 2.5714285 , 2.7142856 ,
               2.857143  , 3.        , 3.142857  , 3.2857144 , 3.4285715 ,
               3.5714285 , 3.7142856 , 3.857143  , 4.        , 4.142857  ],
              dtype=float32)

        """)
    }

    func testFloat64Wrapping() {
        assertOutput("""
        import torch
        a = (torch.arange(30, dtype=torch.float64) / 7).numpy()
        print(a)
        print(repr(a))
        """, """
        [0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571
         0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857
         1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143
         2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429
         3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]
        array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,
               0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,
               1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,
               2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,
               2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,
               3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])

        """)
    }

    func testThreeDimensional() {
        assertOutput("""
        import torch
        a = (torch.arange(24.) / 7).reshape(2, 3, 4).numpy()
        print(a)
        print(repr(a))
        """, """
        [[[0.         0.14285715 0.2857143  0.42857143]
          [0.5714286  0.71428573 0.85714287 1.        ]
          [1.1428572  1.2857143  1.4285715  1.5714285 ]]

         [[1.7142857  1.8571428  2.         2.142857  ]
          [2.2857144  2.4285715  2.5714285  2.7142856 ]
          [2.857143   3.         3.142857   3.2857144 ]]]
        array([[[0.        , 0.14285715, 0.2857143 , 0.42857143],
                [0.5714286 , 0.71428573, 0.85714287, 1.        ],
                [1.1428572 , 1.2857143 , 1.4285715 , 1.5714285 ]],

               [[1.7142857 , 1.8571428 , 2.        , 2.142857  ],
                [2.2857144 , 2.4285715 , 2.5714285 , 2.7142856 ],
                [2.857143  , 3.        , 3.142857  , 3.2857144 ]]], dtype=float32)

        """)
    }

    func testIntegerWrapping() {
        assertOutput("""
        import torch
        a = torch.arange(100).numpy()
        print(a)
        print(repr(a))
        print(repr(torch.arange(100, dtype=torch.int32).numpy()))
        """, """
        [ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
         24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47
         48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71
         72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95
         96 97 98 99]
        array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,
               17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
               34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50,
               51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67,
               68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84,
               85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99])
        array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,
               17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
               34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50,
               51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67,
               68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84,
               85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99],
              dtype=int32)

        """)
    }

    func testSummarized() {
        assertOutput("""
        import torch
        a = torch.arange(2000.).numpy()
        print(a)
        print(repr(a))
        print(repr(torch.arange(2000).reshape(2, 1000).numpy()))
        """, """
        [0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]
        array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,
               1.999e+03], shape=(2000,), dtype=float32)
        array([[   0,    1,    2, ...,  997,  998,  999],
               [1000, 1001, 1002, ..., 1997, 1998, 1999]], shape=(2, 1000))

        """)
    }

    func testEmpty() {
        assertOutput("""
        import torch
        print(repr(torch.zeros(0).numpy()), torch.zeros(0).numpy(), repr(torch.zeros(2, 0).numpy()))
        """, """
        array([], dtype=float32) [] array([], shape=(2, 0), dtype=float32)

        """)
    }

    func testIndexingIterationReductions() {
        assertOutput("""
        import torch
        a = torch.tensor([[0.1, 0.2], [0.3, 0.4]]).numpy()
        print(a[0], a[1, 1], repr(a[1, 1]), a[:, 0], len(a))
        for row in a:
            print(row)
        print(a.tolist())
        print(a.sum(), a.mean(), a.max(), a.min(), repr(a.sum()))
        """, """
        [0.1 0.2] 0.4 np.float32(0.4) [0.1 0.3] 2
        [0.1 0.2]
        [0.3 0.4]
        [[0.10000000149011612, 0.20000000298023224], [0.30000001192092896, 0.4000000059604645]]
        1.0 0.25 0.4 0.1 np.float32(1.0)

        """)
    }

    func testIntegerScalars() {
        assertOutput("""
        import torch
        a = torch.tensor([1, 2, 3]).numpy()
        print(a[0], a.sum(), a.mean(), a.max(), a[1:])
        print(torch.tensor(7.5).numpy().item(), torch.tensor([True, True]).numpy().sum())
        """, """
        1 6 2.0 3 [2 3]
        7.5 2

        """)
    }

    func testFloat32ScalarArithmetic() {
        assertOutput("""
        import torch
        x = torch.tensor([0.1, 0.2]).numpy()[0]
        print(x + 1, x * 2.0, 1 - x, x / 3, -x, x ** 2, x < 0.2, x == 0.1, f'{x:.3f}', float(x), [x])
        """, """
        1.1 0.2 0.9 0.033333335 -0.1 0.010000001 True True 0.100 0.10000000149011612 [np.float32(0.1)]

        """)
    }

    func testRequiresGradCheck() {
        assertError("""
        import torch
        w = torch.ones(2, requires_grad=True)
        print(w.detach().numpy())
        w.numpy()
        """, "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.", output: """
        [1. 1.]

        """)
    }

    func testEightDecimalCutAndSignedZero() {
        assertOutput("""
        import torch
        a = torch.tensor([0.123456789, 1.5, 123.456]).numpy()
        print(a)
        print(torch.tensor([1.23456789e-3, 1.], dtype=torch.float64).numpy())
        print(torch.tensor([-0., 1.]).numpy())
        print(torch.tensor([0.0001, 0.1]).numpy())
        """, """
        [  0.12345679   1.5        123.456     ]
        [0.00123457 1.        ]
        [-0.  1.]
        [1.e-04 1.e-01]

        """)
    }

    func testFloat32ScalarTextAndRound() {
        assertOutput("""
        import torch
        print(torch.tensor([1e7, 1234567., 0.5]).numpy()[1], torch.tensor([1e-5]).numpy()[0], torch.tensor(3.).numpy().sum())
        print(torch.tensor([[1.5, 2.], [3., 4.]]).numpy().round(0))
        """, """
        1.234567e+06 1e-05 3.0
        [[2. 2.]
         [3. 4.]]

        """)
    }

}
