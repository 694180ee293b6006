using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// Writes one Protocol Buffers message, field by field, the mirror of <see cref="ProtoReader"/>. Each
/// <c>Write…</c> method writes a whole field (tag and value); a nested message is written by a callback
/// on a child writer and then length-prefixed (<see cref="WriteMessage"/>). Fields are emitted in call order.
/// </summary>
public sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> output = new();

    /// <summary>Number of bytes written so far.</summary>
    public int Length => output.WrittenCount;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => output.WrittenSpan;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => output.WrittenSpan.ToArray();

    /// <summary>Writes a field's tag: its number and wire type.</summary>
    public void WriteTag(int fieldNumber, WireType wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldNumber, 1);
        WriteVarint(((ulong)fieldNumber << 3) | (ulong)wireType);
    }

    /// <summary>Writes a bare base-128 varint (no tag).</summary>
    public void WriteVarint(ulong value)
    {
        var span = output.GetSpan(10);
        int count = 0;
        while (value >= 0x80)
        {
            span[count++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[count++] = (byte)value;
        output.Advance(count);
    }

    /// <summary>Writes an <c>int64</c> field (negative values take ten bytes, as protobuf specifies).</summary>
    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint((ulong)value);
    }

    /// <summary>Writes an <c>int32</c> or enum field (negative values are sign-extended to ten bytes).</summary>
    public void WriteInt32(int fieldNumber, int value) => WriteInt64(fieldNumber, value);

    /// <summary>Writes a <c>fixed32</c> field.</summary>
    public void WriteFixed32(int fieldNumber, uint value)
    {
        WriteTag(fieldNumber, WireType.Fixed32);
        BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    /// <summary>Writes a <c>fixed64</c> field.</summary>
    public void WriteFixed64(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, WireType.Fixed64);
        BinaryPrimitives.WriteUInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    /// <summary>Writes a <c>float</c> field.</summary>
    public void WriteFloat(int fieldNumber, float value) => WriteFixed32(fieldNumber, BitConverter.SingleToUInt32Bits(value));

    /// <summary>Writes a <c>double</c> field.</summary>
    public void WriteDouble(int fieldNumber, double value) => WriteFixed64(fieldNumber, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>Writes a <c>bytes</c> field.</summary>
    public void WriteBytes(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        output.Write(value);
    }

    /// <summary>Writes a UTF-8 <c>string</c> field.</summary>
    public void WriteString(int fieldNumber, string value) => WriteBytes(fieldNumber, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a nested message field whose fields <paramref name="writeBody"/> writes.</summary>
    public void WriteMessage(int fieldNumber, Action<ProtoWriter> writeBody)
    {
        var body = new ProtoWriter();
        writeBody(body);
        WriteBytes(fieldNumber, body.WrittenSpan);
    }

    /// <summary>Writes a packed repeated <c>int64</c> field (nothing when <paramref name="values"/> is empty).</summary>
    public void WritePackedInt64(int fieldNumber, IEnumerable<long> values)
    {
        var packed = new ProtoWriter();
        foreach (long value in values) packed.WriteVarint((ulong)value);
        if (packed.Length > 0) WriteBytes(fieldNumber, packed.WrittenSpan);
    }

    /// <summary>Writes a packed repeated <c>float</c> field (nothing when <paramref name="values"/> is empty).</summary>
    public void WritePackedFloat(int fieldNumber, ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return;
        if (BitConverter.IsLittleEndian)
        {
            WriteBytes(fieldNumber, MemoryMarshal.AsBytes(values));
            return;
        }
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        WriteBytes(fieldNumber, bytes);
    }
}
