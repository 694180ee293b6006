using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MultiLabel.Onnx.Protobuf;

/// <summary>
/// A constant tensor: a graph initializer or a tensor attribute. Its elements are in row-major order either in
/// <c>raw_data</c> (little-endian bytes) or in the typed array its data type uses; <see cref="ToFloatArray"/> reads a
/// float tensor from whichever of the two is present.
/// </summary>
public sealed partial class TensorProto
{
    /// <summary>Number of elements the shape holds.</summary>
    public long ElementCount => Dims.Aggregate(1L, (product, d) => product * d);

    /// <summary>The elements of a float tensor, as a new array.</summary>
    /// <exception cref="InvalidDataException">
    /// The tensor is not float, keeps its data in an external file or in segments, or holds a different number of
    /// elements than its shape says.
    /// </exception>
    public float[] ToFloatArray()
    {
        CheckSelfContained();
        if (DataType != (int)Types.DataType.Float)
            throw new InvalidDataException($"Tensor '{Name}' holds {(Types.DataType)DataType} elements, not Float.");
        float[] values;
        if (!RawData.IsEmpty)
        {
            var raw = RawData.Span;
            if (raw.Length % 4 != 0)
                throw new InvalidDataException($"Tensor '{Name}' has {raw.Length} raw bytes, not a whole number of floats.");
            values = new float[raw.Length / 4];
            if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(raw).CopyTo(values);
            else for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
        }
        else
        {
            values = FloatData.ToArray();
        }
        if (values.Length != ElementCount)
            throw new InvalidDataException(
                $"Tensor '{Name}' of shape [{string.Join(",", Dims)}] should hold {ElementCount} floats but holds {values.Length}.");
        return values;
    }

    /// <summary>Fails, naming the tensor, when its data is not in the file itself (external data, segments).</summary>
    /// <exception cref="InvalidDataException">It keeps its data in an external file or in segments.</exception>
    public void CheckSelfContained()
    {
        if (DataLocation == Types.DataLocation.External)
            throw new InvalidDataException($"tensor '{Name}' keeps its data in an external file, which this reader does not support");
        if (Segment is not null)
            throw new InvalidDataException($"tensor '{Name}' is stored in segments, which this reader does not support");
    }

    /// <inheritdoc cref="ValueInfoProto.Describe"/>
    public string Describe() => $"{Name}: {(Types.DataType)DataType}[{string.Join(",", Dims)}]";
}
