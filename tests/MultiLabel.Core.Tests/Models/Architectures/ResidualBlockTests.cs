using MultiLabel.Models.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Tests.Models.Architectures;

public class ResidualBlockTests
{
    [Fact]
    public void A_strided_bottleneck_from_512_channels_trains_and_computes_what_its_layers_define()
    {
        // libtorch 2.10 dies (SIGFPE) on the input gradient of a strided 1×1 convolution from 512 channels;
        // ResNet50's shortcuts are such convolutions, so the block computes them another way.
        using var scope = NewDisposeScope();
        torch.manual_seed(3);
        using var block = new ResidualBlock(512, 256, stride: 2, bottleneck: true);
        var input = rand(2, 512, 8, 8, requires_grad: true);

        var output = block.forward(input);
        output.sum().backward();

        Assert.Equal([2L, 1024, 4, 4], output.shape);
        Assert.NotNull(input.grad);

        // In evaluation mode the output equals the layers applied as declared (shortcut: strided 1×1 conv + BN).
        block.eval();
        using var noGrad = no_grad();
        var layer = block.named_modules().ToDictionary(m => m.name, m => (nn.Module<Tensor, Tensor>)m.module);
        var x = input.detach();
        var main = layer["bn3"].forward(layer["conv3"].forward(nn.functional.relu(layer["bn2"].forward(layer["conv2"].forward(
            nn.functional.relu(layer["bn1"].forward(layer["conv1"].forward(x))))))));
        var expected = nn.functional.relu(main + layer["downsample"].forward(x));
        Assert.True(block.forward(x).allclose(expected, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void A_projection_block_saves_each_weight_once_under_torchvisions_names()
    {
        using var block = new ResidualBlock(64, 64, stride: 2, bottleneck: false);

        string[] norm = ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"];
        string[] expected =
        [
            "conv1.weight", .. norm.Select(n => $"bn1.{n}"), "conv2.weight", .. norm.Select(n => $"bn2.{n}"),
            "downsample.0.weight", .. norm.Select(n => $"downsample.1.{n}"),
        ];
        Assert.Equal(expected.Order(), block.state_dict().Keys.Order());
    }
}
