using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiLabel.Models;
using MultiLabel.Onnx;
using MultiLabel.Persistence;

namespace MultiLabel.Inference;

/// <summary>
/// Runs an exported model (see <see cref="OnnxExporter"/>) with ONNX Runtime on the CPU: every graph
/// optimisation on, a fixed intra-op thread pool whose idle threads sleep, and input and output buffers reused between calls (ONNX Runtime
/// writes the probabilities straight into the array it returns). It takes either input layout: an exported file's
/// NHWC pixels (the planar batch is interleaved into a reused buffer) or the planar NCHW variant that <see cref="Create"/> builds in memory, which takes the planar batch as it is.
/// </summary>
public sealed class OnnxEngine : IPredictionEngine
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly bool planar;
    private readonly int size;
    private readonly int labels;
    private byte[] input = [];

    /// <summary>
    /// Opens the ONNX model held by <paramref name="model"/> (no file is written), which must take uint8 pixels at the
    /// manifest's input size and give one probability per manifest label; <paramref name="threads"/> 0 lets ONNX
    /// Runtime use every physical core.
    /// </summary>
    /// <exception cref="ModelBundleException">The model's input or output does not fit the manifest.</exception>
    public OnnxEngine(byte[] model, BundleManifest manifest, int threads = 0)
    {
        size = manifest.ImageSize;
        labels = manifest.Labels.Count;
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = Math.Max(0, threads),
            InterOpNumThreads = 1,
            EnableMemoryPattern = true,
            EnableCpuMemArena = true,
        };
        // Idle workers sleep rather than spin: on a small machine shared with other work, spinning threads fight
        // over the cores (ResNet18 at 128 px, batch 1, two threads on two busy cores: 28 ms spinning, 14 ms not).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        session = new InferenceSession(model, options);
        try
        {
            planar = CheckInput();
            CheckOutput();
        }
        catch
        {
            session.Dispose();
            throw;
        }
        inputNames = [session.InputNames[0]];
        outputNames = [session.OutputNames[0]];
    }

    /// <summary>Exports <paramref name="network"/> in memory (planar input, no file) and opens it.</summary>
    /// <exception cref="OnnxExportException">The network has a layer the exporter cannot express.</exception>
    public static OnnxEngine Create(MultiLabelNetwork network, BundleManifest manifest, int threads = 0) =>
        new(ModelExport.ToBytes(network, manifest, OnnxInputLayout.Nchw), manifest, threads);

    /// <inheritdoc/>
    public InferenceEngine Kind => InferenceEngine.Onnx;

    /// <summary>True when the model takes planar <c>[N, 3, H, W]</c> pixels, false for interleaved <c>[N, H, W, 3]</c>.</summary>
    public bool PlanarInput => planar;

    /// <inheritdoc/>
    public float[] Predict(ReadOnlySpan<byte> pixels, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int plane = size * size, bytes = count * 3 * plane;
        if (pixels.Length < bytes)
            throw new ArgumentException($"{count} images of 3×{size}×{size} need {bytes} bytes, not {pixels.Length}.", nameof(pixels));
        if (input.Length < bytes) input = new byte[bytes];
        if (planar) pixels[..bytes].CopyTo(input);
        else Interleave(pixels[..bytes], input, count, plane);

        var probabilities = new float[count * labels];
        long[] shape = planar ? [count, 3, size, size] : [count, size, size, 3];
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, bytes), shape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(probabilities, [count, labels]);
        session.Run(runOptions, inputNames, [inputValue], outputNames, [outputValue]);
        return probabilities;
    }

    /// <summary>Planar <c>[N, 3, H·W]</c> to interleaved <c>[N, H·W, 3]</c>.</summary>
    private static void Interleave(ReadOnlySpan<byte> planes, Span<byte> interleaved, int count, int plane)
    {
        for (int n = 0; n < count; n++)
        {
            var source = planes.Slice(n * 3 * plane, 3 * plane);
            var red = source[..plane];
            var green = source.Slice(plane, plane);
            var blue = source.Slice(2 * plane, plane);
            var target = interleaved.Slice(n * 3 * plane, 3 * plane);
            for (int i = 0, j = 0; i < plane; i++, j += 3)
            {
                target[j] = red[i];
                target[j + 1] = green[i];
                target[j + 2] = blue[i];
            }
        }
    }

    private bool CheckInput()
    {
        if (session.InputNames.Count != 1)
            throw new ModelBundleException($"The ONNX model has {session.InputNames.Count} inputs; a MultiLabel model has one (pixels).");
        var meta = session.InputMetadata[session.InputNames[0]];
        int[] dims = meta.Dimensions;
        if (meta.ElementDataType == TensorElementType.UInt8 && dims.Length == 4)
        {
            if (dims[1] == size && dims[2] == size && dims[3] == 3) return false;
            if (dims[1] == 3 && dims[2] == size && dims[3] == size) return true;
        }
        throw new ModelBundleException(
            $"The ONNX model's input is {meta.ElementDataType} [{string.Join(",", dims)}], not uint8 pixels [batch,{size},{size},3] or [batch,3,{size},{size}] at the model's input size.");
    }

    private void CheckOutput()
    {
        var meta = session.OutputMetadata[session.OutputNames[0]];
        int[] dims = meta.Dimensions;
        if (meta.ElementDataType != TensorElementType.Float || dims.Length != 2 || dims[1] != labels)
            throw new ModelBundleException(
                $"The ONNX model's first output is {meta.ElementDataType} [{string.Join(",", dims)}], not float probabilities [batch,{labels}] for the model's {labels} labels.");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
