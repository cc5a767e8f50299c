import XCTest
@testable import PyInterpreter

/// Tensor utilities tutorials print (meshgrid, broadcast_shapes, Subset.indices,
/// topk), with outputs recorded from PyTorch 2.x.
final class TensorUtilityBindingTests: InterpreterTestCase {
    func testMeshgridBroadcastShapesSubsetIndicesTopk() {
        assertOutput("""
        import torch
        from torch.utils.data import TensorDataset, random_split
        xs, ys = torch.meshgrid(torch.arange(2), torch.arange(3), indexing='xy')
        print(xs)
        print(ys.shape)
        a, b = torch.meshgrid([torch.arange(2), torch.tensor(5)], indexing='ij')
        print(a.shape, b)
        print(torch.broadcast_shapes((2, 1), (3,)), torch.broadcast_shapes(2, (1,)))
        try:
            torch.broadcast_shapes((2,), (3,))
        except RuntimeError as e:
            print(e)
        torch.manual_seed(1)
        train, val = random_split(TensorDataset(torch.arange(5)), [3, 2])
        print(train.indices, val.indices)
        print(torch.topk(torch.tensor([1.0, 3.0, 2.0]), 2))
        """, """
        tensor([[0, 1],
                [0, 1],
                [0, 1]])
        torch.Size([3, 2])
        torch.Size([2, 1]) tensor([[5],
                [5]])
        torch.Size([2, 3]) torch.Size([2])
        Attempting to broadcast a dimension of length 3 at -1! Mismatching argument at index 1 had (3,); but expected shape should be broadcastable to [2]
        [0, 4, 2] [3, 1]
        torch.return_types.topk(
        values=tensor([3., 2.]),
        indices=tensor([1, 2]))

        """)
    }
}
