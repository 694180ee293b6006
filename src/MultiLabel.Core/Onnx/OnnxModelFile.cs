using Google.Protobuf;
using MultiLabel.Onnx.Protobuf;

namespace MultiLabel.Onnx;

/// <summary>
/// Reads ONNX model files into the generated <see cref="ModelProto"/>, with errors that name the file. Tensors that keep
/// their data in external files or in segments are refused when read, as the importers here cannot use them.
/// </summary>
public static class OnnxModelFile
{
    /// <summary>Reads the ONNX file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a well-formed ONNX model; the message names it.</exception>
    public static ModelProto Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The ONNX model '{path}' does not exist.", path);
        try
        {
            // From one array, not a stream: Google.Protobuf copies a packed float array in one block only when it
            // sees all of it in its buffer (CNTK writes float_data); from a stream it adds the floats one by one.
            return Checked(ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' is not a readable ONNX model: {Reason(e)}", e);
        }
    }

    /// <summary>Parses the bytes of an ONNX model file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static ModelProto Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Checked(ModelProto.Parser.ParseFrom(bytes));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException(Reason(e), e);
        }
    }

    private static ModelProto Checked(ModelProto model)
    {
        if (model.Graph is null) throw new InvalidDataException("it has no graph (is it an ONNX file at all?)");
        foreach (var tensor in model.Graph.Initializer) tensor.CheckSelfContained();
        return model;
    }

    /// <summary>Google.Protobuf's message for truncated input, said the way a user reads it.</summary>
    private static string Reason(Exception e) =>
        e.Message.Contains("ended unexpectedly", StringComparison.Ordinal) || e.Message.Contains("truncated", StringComparison.OrdinalIgnoreCase)
            ? $"the data is truncated (it runs past the end of the file): {e.Message}"
            : e.Message;
}
