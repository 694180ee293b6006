using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// A constant tensor (<c>TensorProto</c>): a graph initializer or a tensor attribute. Its elements are in
/// row-major order either in <see cref="RawData"/> (little-endian bytes) or in the typed array the data type
/// uses; <see cref="ToFloatArray"/> reads a float tensor from whichever of the two is present.
/// </summary>
/// <param name="Name">Name nodes refer to it by.</param>
/// <param name="Dims">Shape; empty for a scalar.</param>
/// <param name="DataType">Element type.</param>
/// <param name="RawData">Elements as little-endian bytes, or empty when a typed array holds them.</param>
/// <param name="FloatData">Elements of a float tensor stored as <c>float_data</c>.</param>
/// <param name="Int64Data">Elements of an int64 tensor stored as <c>int64_data</c>.</param>
/// <param name="DocString">Free documentation text.</param>
public sealed record OnnxTensor(
    string Name,
    IReadOnlyList<long> Dims,
    OnnxDataType DataType,
    ReadOnlyMemory<byte> RawData,
    ReadOnlyMemory<float> FloatData,
    IReadOnlyList<long> Int64Data,
    string DocString)
{
    /// <summary>Number of elements the shape holds.</summary>
    public long ElementCount => Dims.Aggregate(1L, (product, d) => product * d);

    /// <summary>The elements of a <see cref="OnnxDataType.Float"/> tensor, as a new array.</summary>
    /// <exception cref="InvalidDataException">The tensor is not float, or holds a different number of elements than its shape says.</exception>
    public float[] ToFloatArray()
    {
        if (DataType != OnnxDataType.Float)
            throw new InvalidDataException($"Tensor '{Name}' holds {DataType} elements, not Float.");
        float[] values;
        if (!RawData.IsEmpty)
        {
            if (RawData.Length % 4 != 0)
                throw new InvalidDataException($"Tensor '{Name}' has {RawData.Length} raw bytes, not a whole number of floats.");
            values = new float[RawData.Length / 4];
            if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(RawData.Span).CopyTo(values);
            else for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(RawData.Span[(i * 4)..]);
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

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {DataType}[{string.Join(",", Dims)}]";
}
