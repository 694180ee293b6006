using System.Diagnostics;
using MultiLabel.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Bench;

/// <summary>The bare loop, as the Python peer runs it: forward, BCE with logits, backward, Adam step on in-memory tensors.</summary>
internal static class BareTraining
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        string model = a.Text("model", "resnet18");
        int size = a.Int("size", 128), batch = a.Int("batch", 16), labels = a.Int("labels", 11);
        int steps = a.Int("steps", 20), warmup = a.Int("warmup", 3);
        torch.manual_seed(0);
        using var network = ModelRegistry.Get(model).Create(new ModelRequest(labels, size, LoadPretrainedWeights: false));
        network.train();
        using var optimizer = optim.Adam(network.parameters(), lr: 1e-3);
        using var x = rand(batch, 3, size, size);
        using var y = rand(batch, labels).gt(0.8).to(ScalarType.Float32);

        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(network.forward(x), y);
            loss.backward();
            optimizer.step();
            loss.item<float>();
        }

        for (int i = 0; i < warmup; i++) Step();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step();
        double seconds = clock.Elapsed.TotalSeconds;
        return new() { ["images_per_second"] = batch * steps / seconds, ["seconds"] = seconds };
    }
}
