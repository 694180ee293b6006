using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// Writes one Protocol Buffers message, field by field, the mirror of <see cref="ProtoReader"/>. Each
/// <c>Write…</c> method writes a whole field (tag and value); a nested message is written by a callback
/// (<see cref="WriteMessage"/>). Fields are emitted in call order.
/// </summary>
/// <remarks>
/// A nested message's length prefix comes before its body, so <see cref="WriteMessage"/> first runs the
/// callback on a measuring writer that only counts bytes, then runs it again on this writer: every byte
/// lands once, in place, and <see cref="Measure"/> lets the caller size the buffer exactly. Serialising a
/// 64 MB model this way touches 64 MB of fresh memory instead of copying it through a chain of growing
/// child buffers — on a machine where first-touching memory costs about 3 ms per MB, that is most of the time.
/// </remarks>
public sealed class ProtoWriter
{
    private readonly bool measuring;
    private byte[] buffer;
    private int length;

    /// <summary>A writer whose buffer grows as needed from <paramref name="capacity"/> bytes.</summary>
    public ProtoWriter(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        buffer = new byte[capacity];
    }

    private ProtoWriter(bool measuring)
    {
        this.measuring = measuring;
        buffer = [];
    }

    /// <summary>The number of bytes the fields <paramref name="writeBody"/> writes take, without writing them.</summary>
    public static int Measure(Action<ProtoWriter> writeBody)
    {
        var counter = new ProtoWriter(measuring: true);
        writeBody(counter);
        return counter.length;
    }

    /// <summary>Number of bytes written so far.</summary>
    public int Length => length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    /// <summary>The bytes written so far: the writer's own array when it is exactly full (as after a <see cref="Measure"/>d capacity), else a copy.</summary>
    public byte[] ToArray() => length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();

    /// <summary>Writes a field's tag: its number and wire type.</summary>
    public void WriteTag(int fieldNumber, WireType wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldNumber, 1);
        WriteVarint(((ulong)fieldNumber << 3) | (ulong)wireType);
    }

    /// <summary>Writes a bare base-128 varint (no tag).</summary>
    public void WriteVarint(ulong value)
    {
        int count = VarintLength(value);
        if (measuring)
        {
            length += count;
            return;
        }
        var span = Reserve(count);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i] = (byte)value;
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
        if (measuring) length += 4;
        else BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
    }

    /// <summary>Writes a <c>fixed64</c> field.</summary>
    public void WriteFixed64(int fieldNumber, ulong value)
    {
        WriteTag(fieldNumber, WireType.Fixed64);
        if (measuring) length += 8;
        else BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
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
        if (measuring) length += value.Length;
        else value.CopyTo(Reserve(value.Length));
    }

    /// <summary>Writes a UTF-8 <c>string</c> field.</summary>
    public void WriteString(int fieldNumber, string value) => WriteBytes(fieldNumber, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a nested message field whose fields <paramref name="writeBody"/> writes.</summary>
    public void WriteMessage(int fieldNumber, Action<ProtoWriter> writeBody)
    {
        int bodyLength = Measure(writeBody);
        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteVarint((ulong)bodyLength);
        if (measuring)
        {
            length += bodyLength;
            return;
        }
        int start = length;
        writeBody(this);
        if (length - start != bodyLength)
            throw new InvalidOperationException($"A message body wrote {length - start} bytes where it measured {bodyLength}; the callback must write the same fields every time.");
    }

    /// <summary>Writes a packed repeated <c>int64</c> field (nothing when <paramref name="values"/> is empty).</summary>
    public void WritePackedInt64(int fieldNumber, IEnumerable<long> values)
    {
        var packed = new ProtoWriter(64);
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

    private static int VarintLength(ulong value) => Math.Max(1, (64 - BitOperations.LeadingZeroCount(value) + 6) / 7);

    private Span<byte> Reserve(int count)
    {
        if (buffer.Length - length < count)
            Array.Resize(ref buffer, Math.Max(checked(length + count), Math.Max(256, buffer.Length * 2)));
        var span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }
}
