using Microsoft.ML.OnnxRuntime;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Export;
using MultiLabel.Persistence;

namespace MultiLabel.Tests.Onnx;

public class OnnxExporterTests
{
    [Fact]
    public void The_graph_takes_pixels_and_gives_probabilities_with_batch_norm_and_dropout_gone()
    {
        using var network = ExportFixtures.Network("resnet18", 32, seed: 1);

        var model = OnnxExporter.Export(network.ExportSteps(""), ModelExport.Spec(ExportFixtures.Manifest("resnet18", 32)));

        Assert.Equal((17L, 8L), (model.StandardOpsetVersion!.Value, model.IrVersion));
        Assert.Equal("pixels: Uint8[batch,32,32,3]", Assert.Single(model.Graph.Input).Describe());
        Assert.Equal("probabilities: Float[batch,10]", Assert.Single(model.Graph.Output).Describe());
        var ops = model.Graph.Node.Select(n => n.OpType).ToList();
        Assert.Equal(["Cast", "Transpose", "Mul", "Add", "Conv"], ops.Take(5));
        Assert.Equal(["GlobalAveragePool", "Flatten", "Gemm", "Sigmoid"], ops.TakeLast(4));
        Assert.Equal(20, ops.Count(o => o == "Conv"));
        Assert.Equal(1 + 8, ops.Count(o => o == "Add"));
        Assert.Equal(1, ops.Count(o => o == "Mul"));
        Assert.Equal(["Add", "Cast", "Conv", "Flatten", "Gemm", "GlobalAveragePool", "MaxPool", "Mul", "Relu", "Sigmoid", "Transpose"], ops.Distinct().Order());
    }

    [Fact]
    public void Smaller_vgg_net_keeps_only_the_shifts_that_cannot_fold_and_the_scales_that_are_negative()
    {
        using var positive = ExportFixtures.Network("smallervggnet", 24, seed: 2, negativeScales: false);
        using var negative = ExportFixtures.Network("smallervggnet", 24, seed: 2, negativeScales: true);
        var spec = ModelExport.Spec(ExportFixtures.Manifest("smallervggnet", 24));

        var folded = OnnxExporter.Export(positive.ExportSteps(""), spec).Graph.Node;
        var unfolded = OnnxExporter.Export(negative.ExportSteps(""), spec).Graph.Node;

        // Positive γ: scales go into the convolutions before the ReLUs; the shifts of bn1–bn4 stay (each feeds a
        // padded convolution), bn5 and the dense batch norm vanish into the linear layers; pooling runs before the shifts.
        Assert.Equal(["normalized", "features.bn1.add", "features.bn2.add", "features.bn3.add", "features.bn4.add"],
            folded.Where(n => n.OpType == "Add").Select(n => n.Name));
        Assert.Equal(["normalize_scale"], folded.Where(n => n.OpType == "Mul").Select(n => n.Name));
        Assert.Equal("features.pool1", folded[folded.ToList().FindIndex(n => n.Name == "features.bn1.add") - 1].Name);
        // Some negative γ: conv-ReLU-BN keeps a Mul for bn1–bn5; the dense batch norm still folds into the head.
        Assert.Equal(1 + 5, unfolded.Count(n => n.OpType == "Mul"));
        Assert.Equal(2, unfolded.Count(n => n.OpType == "Gemm"));
        Assert.DoesNotContain(unfolded, n => n.Name.StartsWith("classifier.bn"));
    }

    [Fact]
    public void Steps_made_by_hand_run_in_onnx_runtime_with_planar_input_and_no_network_at_all()
    {
        // 1×1 pixels, 3 channels → flatten → 2 outputs: logit₀ = r' − g', logit₁ = 2b' + 1, where c' = c·0.5 − 1.
        var steps = new ExportStep[]
        {
            new FlattenStep("flatten"),
            new GemmStep("fc", [1, -1, 0, 0, 0, 2], [0, 1], OutFeatures: 2, InFeatures: 3),
        };
        var spec = Spec(OnnxInputLayout.Nchw);

        byte[] bytes = OnnxExporter.ToBytes(steps, spec);

        using var session = new InferenceSession(bytes);
        Assert.Equal([-1, 3, 1, 1], session.InputMetadata[OnnxExporter.InputName].Dimensions);
        using var input = OrtValue.CreateTensorValueFromMemory(new byte[] { 6, 2, 4 }, [1, 3, 1, 1]);
        using var results = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { [OnnxExporter.InputName] = input }, [OnnxExporter.OutputName]);
        float[] probabilities = results[0].GetTensorDataAsSpan<float>().ToArray();
        Assert.Equal(Sigmoid((6 * 0.5 - 1) - (2 * 0.5 - 1)), probabilities[0], 6);
        Assert.Equal(Sigmoid(2 * (4 * 0.5 - 1) + 1), probabilities[1], 6);
        Assert.Equal("{\"given\":\"verbatim\"}", session.ModelMetadata.CustomMetadataMap[OnnxExporter.NormalizationKey]);
        Assert.Equal("[\"é\",\"b\"]", session.ModelMetadata.CustomMetadataMap[OnnxExporter.LabelsKey]);
    }

    [Fact]
    public void A_spec_with_a_threshold_per_label_missing_is_refused()
    {
        var spec = Spec(OnnxInputLayout.Nhwc) with { Thresholds = [0.5f] };

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export([new FlattenStep("flatten")], spec));

        Assert.Contains("1 thresholds for 2 labels", error.Message);
    }

    private static OnnxExportSpec Spec(OnnxInputLayout layout) => new()
    {
        Architecture = "by-hand",
        Labels = ["é", "b"],
        Thresholds = [0.5f, 0.5f],
        ImageSize = 1,
        Multiplier = [0.5f, 0.5f, 0.5f],
        Offset = [-1f, -1f, -1f],
        NormalizationMetadata = "{\"given\":\"verbatim\"}",
        ProducerVersion = "0.0.0",
        InputLayout = layout,
    };

    private static float Sigmoid(double x) => (float)(1 / (1 + Math.Exp(-x)));
}
