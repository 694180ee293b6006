using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// Reads one Protocol Buffers message from a buffer, field by field: <see cref="TryReadTag"/> gives the
/// next field's number and wire type, then one of the <c>Read…</c> methods (or <see cref="Skip"/>) takes
/// its value. Nested messages are read by a new reader over their bytes (<see cref="ReadMessage"/>), without
/// copying. Malformed input fails with <see cref="InvalidDataException"/> naming the byte offset.
/// </summary>
public sealed class ProtoReader
{
    private readonly ReadOnlyMemory<byte> buffer;
    private readonly long origin;
    private int position;

    /// <summary>Reads the message held by <paramref name="buffer"/>.</summary>
    public ProtoReader(ReadOnlyMemory<byte> buffer) : this(buffer, 0) { }

    private ProtoReader(ReadOnlyMemory<byte> buffer, long origin)
    {
        this.buffer = buffer;
        this.origin = origin;
    }

    /// <summary>True when every byte of the message has been read.</summary>
    public bool AtEnd => position >= buffer.Length;

    /// <summary>Offset of the next byte, counted from the start of the outermost message (for error messages).</summary>
    public long Offset => origin + position;

    /// <summary>Reads the next field's tag; false at the end of the message.</summary>
    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        if (AtEnd)
        {
            fieldNumber = 0;
            wireType = default;
            return false;
        }
        long at = Offset;
        ulong tag = ReadVarint();
        fieldNumber = (int)(tag >> 3);
        wireType = (WireType)(tag & 7);
        if (fieldNumber <= 0 || tag >> 3 > int.MaxValue) throw Malformed($"field number {tag >> 3} is invalid", at);
        if (wireType is not (WireType.Varint or WireType.Fixed64 or WireType.LengthDelimited or WireType.Fixed32
            or WireType.StartGroup or WireType.EndGroup))
            throw Malformed($"field {fieldNumber} has unknown wire type {(int)wireType}", at);
        return true;
    }

    /// <summary>Reads a base-128 varint of up to ten bytes.</summary>
    public ulong ReadVarint()
    {
        long at = Offset;
        var span = buffer.Span;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length) throw Malformed("a varint runs past the end of the data", at);
            byte b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (shift == 63 && b > 1) throw Malformed("a varint overflows 64 bits", at);
                return value;
            }
        }
        throw Malformed("a varint is longer than ten bytes", at);
    }

    /// <summary>Reads an <c>int64</c> (a varint, negative values in two's complement).</summary>
    public long ReadInt64() => (long)ReadVarint();

    /// <summary>Reads an <c>int32</c> or enum (a varint; negative values are sign-extended to ten bytes).</summary>
    public int ReadInt32() => (int)ReadVarint();

    /// <summary>Reads a <c>bool</c>.</summary>
    public bool ReadBool() => ReadVarint() != 0;

    /// <summary>Reads a <c>fixed32</c>.</summary>
    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Reads a <c>fixed64</c>.</summary>
    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads a <c>float</c> (fixed32).</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>Reads a <c>double</c> (fixed64).</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>Reads a length-delimited value (<c>bytes</c>, a nested message or a packed array) without copying it.</summary>
    public ReadOnlyMemory<byte> ReadBytes()
    {
        long at = Offset;
        ulong length = ReadVarint();
        if (length > (ulong)(buffer.Length - position))
            throw Malformed($"a length-delimited field of {length} bytes runs past the end of the data", at);
        var bytes = buffer.Slice(position, (int)length);
        position += (int)length;
        return bytes;
    }

    /// <summary>Reads a UTF-8 <c>string</c>.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes().Span);

    /// <summary>Reads a nested message; the returned reader covers exactly its bytes.</summary>
    public ProtoReader ReadMessage()
    {
        var bytes = ReadBytes();
        return new ProtoReader(bytes, origin + position - bytes.Length);
    }

    /// <summary>Reads one element of a repeated <c>int64</c>/<c>int32</c> field, or all of them when it is packed.</summary>
    public void ReadRepeatedInt64(WireType wireType, List<long> into)
    {
        if (wireType == WireType.Varint) { into.Add(ReadInt64()); return; }
        Expect(wireType, WireType.LengthDelimited);
        var packed = ReadMessage();
        while (!packed.AtEnd) into.Add(packed.ReadInt64());
    }

    /// <summary>Reads one element of a repeated <c>float</c> field, or all of them when it is packed.</summary>
    public void ReadRepeatedFloat(WireType wireType, List<float> into)
    {
        if (wireType == WireType.Fixed32) { into.Add(ReadFloat()); return; }
        Expect(wireType, WireType.LengthDelimited);
        long at = Offset;
        var bytes = ReadBytes().Span;
        if (bytes.Length % 4 != 0) throw Malformed($"a packed float array of {bytes.Length} bytes is not a multiple of 4", at);
        if (BitConverter.IsLittleEndian)
        {
            into.AddRange(MemoryMarshal.Cast<byte, float>(bytes));
            return;
        }
        for (int i = 0; i < bytes.Length; i += 4) into.Add(BinaryPrimitives.ReadSingleLittleEndian(bytes[i..]));
    }

    /// <summary>Skips the value of a field this reader's caller does not know.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8); break;
            case WireType.LengthDelimited: ReadBytes(); break;
            case WireType.Fixed32: Take(4); break;
            default: throw Malformed($"wire type {wireType} (protobuf groups) is not supported", Offset);
        }
    }

    /// <summary>Fails unless <paramref name="actual"/> is the wire type a field must have.</summary>
    public void Expect(WireType actual, WireType expected)
    {
        if (actual != expected) throw Malformed($"a field has wire type {actual} where {expected} was expected", Offset);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (buffer.Length - position < count) throw Malformed($"a {count}-byte value runs past the end of the data", Offset);
        var span = buffer.Span.Slice(position, count);
        position += count;
        return span;
    }

    private static InvalidDataException Malformed(string what, long offset) =>
        new($"Malformed protobuf data at byte {offset}: {what}.");
}
