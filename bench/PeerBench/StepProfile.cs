using System.Diagnostics;
using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MultiLabel.Bench;

/// <summary>Where a training step's time goes: data, forward, backward, optimiser; real batches vs one fixed tensor.</summary>
internal static class StepProfile
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        int size = a.Int("size", 128), batch = a.Int("batch", 16), steps = a.Int("steps", 12);
        var images = ImageSource.FromFolder(a.Required("data")).Images.Take(batch * (steps + 2)).ToArray();
        var decoded = new ImageCache(a.Text("cache", ImageCache.DefaultDirectory)).Load(images, size, size);
        var vocabulary = LabelVocabulary.FromImages(decoded.Images);
        var data = LabeledImages.Encode(decoded, vocabulary);
        torch.manual_seed(0);
        using var network = ModelRegistry.Get(a.Text("model", "resnet18")).Create(new ModelRequest(vocabulary.Count, size, false));
        network.train();
        using var optimizer = optim.Adam([new Adam.ParamGroup(network.BackboneParameters(), lr: 1e-3), new Adam.ParamGroup(network.HeadParameters(), lr: 1e-3)]);
        using var loader = new BatchLoader(Normalization.ImageNet, a.Text("augment", "on") == "off" ? null : AugmentationOptions.Original, CPU);
        var random = new RandomSource(1);
        double tData = 0, tForward = 0, tBackward = 0, tStep = 0, tMetric = 0;
        bool fixedInput = a.Text("fixed", "no") == "yes";
        Tensor? fixedX = null, fixedY = null;
        for (int s = 0; s < steps + 2; s++)
        {
            using var scope = NewDisposeScope();
            var idx = Enumerable.Range(s * batch, batch).ToArray();
            long t0 = Stopwatch.GetTimestamp();
            Tensor x, y;
            if (fixedInput && fixedX is not null) { x = fixedX; y = fixedY!; }
            else { x = loader.Inputs(decoded, idx, random); y = loader.Targets(data, idx); }
            if (fixedInput && fixedX is null) { fixedX = x.DetachFromDisposeScope(); fixedY = y.DetachFromDisposeScope(); }
            long t1 = Stopwatch.GetTimestamp();
            var logits = network.forward(x);
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, y);
            long t2 = Stopwatch.GetTimestamp();
            optimizer.zero_grad();
            loss.backward();
            long t3 = Stopwatch.GetTimestamp();
            optimizer.step();
            long t4 = Stopwatch.GetTimestamp();
            loss.item<float>();
            logits.detach().ge(0).eq(y.ge(0.5)).sum().item<long>();
            long t5 = Stopwatch.GetTimestamp();
            if (s < 2) continue;
            tData += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            tForward += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            tBackward += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
            tStep += Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds;
            tMetric += Stopwatch.GetElapsedTime(t4, t5).TotalMilliseconds;
        }
        double total = tData + tForward + tBackward + tStep + tMetric;
        return new()
        {
            ["ms_data"] = tData / steps, ["ms_forward"] = tForward / steps, ["ms_backward"] = tBackward / steps,
            ["ms_optimizer"] = tStep / steps, ["ms_metric"] = tMetric / steps, ["images_per_second"] = batch * steps / (total / 1000),
        };
    }
}
