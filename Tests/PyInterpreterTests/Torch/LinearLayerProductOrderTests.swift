import XCTest
@testable import PyInterpreter

/// The products of the "Learning PyTorch with Examples" polynomial fit
/// (`Linear(3, 1)` on 2000 rows) round exactly as PyTorch's MKL does:
/// forward m=2000, n=1, k=3 and the weight gradient m=1, n=3, k=2000.
/// Outputs recorded from PyTorch 2.15.
final class LinearLayerProductOrderTests: InterpreterTestCase {
    func testPolynomialFeatureProductsMatchMKL() {
        assertOutput("""
        import torch, math
        torch.manual_seed(0)
        x = torch.linspace(-math.pi, math.pi, 2000)
        xx = x.unsqueeze(-1).pow(torch.tensor([1, 2, 3]))
        lin = torch.nn.Linear(3, 1)
        v = lin(xx).flatten().tolist()
        print(repr(v[388]), repr(v[1455]), repr(v[1649]), repr(v[1746]))
        print((torch.ones(1, 2000) @ xx).tolist())
        """, """
        4.101649761199951 -1.1907634735107422 -3.1859099864959717 -4.868287563323975
        [[-8.130073547363281e-05, 6586.3125, 0.0005588531494140625]]

        """)
    }
}
