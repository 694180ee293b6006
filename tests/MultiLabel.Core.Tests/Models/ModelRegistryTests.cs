using MultiLabel.Models;
using TorchSharp;

namespace MultiLabel.Tests.Models;

public class ModelRegistryTests
{
    [Fact]
    public void An_unknown_name_fails_listing_the_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ModelRegistry.Get("resnet19"));

        Assert.Contains("'resnet19'", error.Message);
        Assert.All(ModelRegistry.All, m => Assert.Contains(m.Name, error.Message));
    }

    [Fact]
    public void Names_are_matched_ignoring_case()
    {
        Assert.Equal("resnet18-imagenet", ModelRegistry.Get("ResNet18-ImageNet").Name);
    }

    [Theory]
    [InlineData("resnet18-imagenet", 32)]
    [InlineData("resnet18", 32)]
    [InlineData("resnet34", 32)]
    [InlineData("resnet50", 32)]
    [InlineData("smallervggnet", 24)]
    public void Every_model_gives_one_logit_per_label(string name, int size)
    {
        var info = ModelRegistry.Get(name);
        using var network = info.Create(new ModelRequest(3, size, LoadPretrainedWeights: false));
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();

        var logits = network.forward(torch.rand(2, 3, size, size));

        Assert.Equal([2L, 3], logits.shape);
        Assert.Equal(3, network.LabelCount);
        Assert.NotEmpty(network.HeadParameters());
        Assert.True(network.BackboneParameters().Count() > network.HeadParameters().Count());
    }

    [Theory]
    [InlineData("resnet18-imagenet", 64, 2)]
    [InlineData("resnet18", 64, 2)]
    [InlineData("resnet50", 64, 2)]
    [InlineData("smallervggnet", 48, 8)]
    public void Every_model_splits_at_its_last_convolutional_stage_into_parts_that_compose_to_forward(string name, int size, int side)
    {
        using var network = ModelRegistry.Get(name).Create(new ModelRequest(3, size, LoadPretrainedWeights: false));
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var input = torch.rand(2, 3, size, size);

        var activations = network.ForwardToLastStage(input);
        var logits = network.ForwardFromLastStage(activations);

        Assert.Equal(4, activations.shape.Length);
        Assert.Equal([2L, side, side], new[] { activations.shape[0], activations.shape[2], activations.shape[3] });
        Assert.True(torch.allclose(network.forward(input), logits, rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData("resnet18", 32)]
    [InlineData("resnet34", 32)]
    [InlineData("resnet50", 64)]
    [InlineData("smallervggnet", 24)]
    public void Every_model_takes_a_training_step(string name, int size)
    {
        using var scope = torch.NewDisposeScope();
        using var network = ModelRegistry.Get(name).Create(new ModelRequest(3, size, LoadPretrainedWeights: false));
        network.train();

        var loss = torch.nn.functional.binary_cross_entropy_with_logits(network.forward(torch.rand(2, 3, size, size)), torch.ones(2, 3));
        loss.backward();

        Assert.All(network.parameters(), p => Assert.NotNull(p.grad));
    }
}
