import XCTest
@testable import PyInterpreter

/// nn.Embedding, nn.LayerNorm, F.embedding, F.layer_norm, torch.embedding and
/// torch.layer_norm as cells use them; expected texts printed by PyTorch 2.15.
final class EmbeddingLayerNormBindingTests: InterpreterTestCase {
    override func setUp() {
        super.setUp()
        run("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F")
    }

    func testEmbeddingModuleAttributesAndPretrained() {
        assertOutput("""
        torch.manual_seed(1)
        e = nn.Embedding(10, 3, padding_idx=-2)
        print(e, e.num_embeddings, e.embedding_dim, e.padding_idx, e.max_norm, e.norm_type, e.scale_grad_by_freq, e.sparse)
        print(e(torch.tensor([8, 0])))
        print([n for n, _ in e.named_parameters()])
        pre = nn.Embedding.from_pretrained(torch.tensor([[1., 2.], [3., 4.]]))
        print(pre, pre.weight.requires_grad, type(pre).__name__, isinstance(pre, nn.Embedding))
        """, """
        Embedding(10, 3, padding_idx=8) 10 3 8 None 2.0 False False
        tensor([[ 0.0000,  0.0000,  0.0000],
                [-1.5256, -0.7502, -0.6540]], grad_fn=<EmbeddingBackward0>)
        ['weight']
        Embedding(2, 2) False Embedding True

        """)
    }

    func testFunctionalEmbeddingPaddingAndFrequency() {
        assertOutput("""
        w = torch.arange(8.).view(4, 2).requires_grad_()
        y = F.embedding(torch.tensor([[0, 3], [3, 3]]), w, padding_idx=3)
        print(y)
        (y * torch.arange(8.).view(2, 2, 2)).sum().backward()
        print(w.grad)
        print(torch.embedding(w, torch.tensor(2)))
        """, """
        tensor([[[0., 1.],
                 [6., 7.]],

                [[6., 7.],
                 [6., 7.]]], grad_fn=<EmbeddingBackward0>)
        tensor([[0., 1.],
                [0., 0.],
                [0., 0.],
                [0., 0.]])
        tensor([4., 5.], grad_fn=<EmbeddingBackward0>)

        """)
    }

    func testLayerNormModuleAndFunctional() {
        assertOutput("""
        ln = nn.LayerNorm((2, 2), eps=0.5, bias=False)
        print(ln, ln.normalized_shape, ln.eps, ln.elementwise_affine, ln.bias)
        x = torch.arange(8.).view(2, 2, 2)
        print(ln(x)[0])
        print(F.layer_norm(x, torch.Size([2]), weight=torch.tensor([1., 2.]), bias=torch.tensor([0., 1.]))[1])
        print(torch.layer_norm(torch.arange(3.), [3]))
        """, """
        LayerNorm((2, 2), eps=0.5, elementwise_affine=True, bias=False) (2, 2) 0.5 True None
        tensor([[-1.1339, -0.3780],
                [ 0.3780,  1.1339]], grad_fn=<SelectBackward0>)
        tensor([[-1.0000,  3.0000],
                [-1.0000,  3.0000]])
        tensor([-1.2247,  0.0000,  1.2247])

        """)
    }

    func testAttributesCanBeReassignedAsInPyTorch() {
        assertOutput("""
        ln = nn.LayerNorm(3)
        ln.eps = 0.5
        print(ln)
        print(ln(torch.tensor([[1., 2., 3.]])))
        e = nn.Embedding(3, 2)
        e.padding_idx = 1
        print(e)
        """, """
        LayerNorm((3,), eps=0.5, elementwise_affine=True, bias=True)
        tensor([[-0.9258,  0.0000,  0.9258]], grad_fn=<NativeLayerNormBackward0>)
        Embedding(3, 2, padding_idx=1)

        """)
    }

    func testErrorsAreWordedAsPyTorch() {
        assertError("nn.Embedding.from_pretrained(torch.tensor([1., 2.]))", "AssertionError: Embeddings parameter is expected to be 2-dimensional")
        assertError("F.embedding(torch.tensor([0]), torch.ones(3, 2), padding_idx=-4)", "AssertionError: Padding_idx must be within num_embeddings")
        assertError("nn.Embedding(3, 2)(torch.tensor([1.0]))",
                    "RuntimeError: Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)")
        assertError("nn.Embedding(3, 2)(torch.tensor([[1, 5]]))", "IndexError: index out of range in self")
        assertError("F.layer_norm(torch.ones(2, 3), 3)",
                    "TypeError: layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int")
        assertError("F.layer_norm(torch.ones(2, 3), (3,), torch.ones(2))",
                    "RuntimeError: Expected weight to be of same shape as normalized_shape, but got weight of shape [2] and normalized_shape = [3]")
        assertError("nn.LayerNorm(3)(torch.ones(2, 4))",
                    "RuntimeError: Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[2, 4]")
    }
}
