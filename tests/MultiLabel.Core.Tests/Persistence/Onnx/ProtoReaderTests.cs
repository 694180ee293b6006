using MultiLabel.Persistence.Onnx;

namespace MultiLabel.Tests.Persistence.Onnx;

public class ProtoReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0UL)]
    [InlineData(new byte[] { 0x01 }, 1UL)]
    [InlineData(new byte[] { 0xAC, 0x02 }, 300UL)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, ulong.MaxValue)]
    public void Varints_decode_as_the_protobuf_encoding_defines(byte[] bytes, ulong expected)
    {
        var reader = new ProtoReader(bytes);

        Assert.Equal(expected, reader.ReadVarint());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void A_negative_int64_is_ten_bytes_of_twos_complement()
    {
        var reader = new ProtoReader(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 });

        Assert.Equal(-2L, reader.ReadInt64());
    }

    [Fact]
    public void Tags_give_field_number_and_wire_type_and_values_follow()
    {
        // field 1 varint 150; field 2 string "hi"; field 3 float 1.5; field 4 fixed64 7.
        byte[] message =
        [
            0x08, 0x96, 0x01,
            0x12, 0x02, (byte)'h', (byte)'i',
            0x1D, 0x00, 0x00, 0xC0, 0x3F,
            0x21, 0x07, 0, 0, 0, 0, 0, 0, 0,
        ];
        var reader = new ProtoReader(message);

        Assert.True(reader.TryReadTag(out int field, out var wire));
        Assert.Equal((1, WireType.Varint, 150L), (field, wire, reader.ReadInt64()));
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.Equal((2, WireType.LengthDelimited, "hi"), (field, wire, reader.ReadString()));
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.Equal((3, WireType.Fixed32, 1.5f), (field, wire, reader.ReadFloat()));
        Assert.True(reader.TryReadTag(out field, out wire));
        Assert.Equal((4, WireType.Fixed64, 7UL), (field, wire, reader.ReadFixed64()));
        Assert.False(reader.TryReadTag(out _, out _));
    }

    [Fact]
    public void Repeated_scalars_are_read_packed_or_one_by_one()
    {
        // field 1 packed [3, 270]; field 1 unpacked 5; field 2 packed floats [1, -2]; field 2 unpacked 0.5.
        byte[] message =
        [
            0x0A, 0x03, 0x03, 0x8E, 0x02,
            0x08, 0x05,
            0x12, 0x08, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0,
            0x15, 0x00, 0x00, 0x00, 0x3F,
        ];
        var reader = new ProtoReader(message);
        List<long> ints = [];
        List<float> floats = [];

        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 1) reader.ReadRepeatedInt64(wire, ints);
            else reader.ReadRepeatedFloat(wire, floats);
        }

        Assert.Equal([3L, 270L, 5L], ints);
        Assert.Equal([1f, -2f, 0.5f], floats);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_can_be_skipped()
    {
        byte[] message =
        [
            0x08, 0xAC, 0x02,                     // 1: varint
            0x11, 1, 2, 3, 4, 5, 6, 7, 8,         // 2: fixed64
            0x1A, 0x03, 9, 9, 9,                  // 3: length-delimited
            0x25, 1, 2, 3, 4,                     // 4: fixed32
            0x28, 0x2A,                           // 5: varint 42, the one we want
        ];
        var reader = new ProtoReader(message);
        long wanted = 0;

        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 5) wanted = reader.ReadInt64();
            else reader.Skip(wire);
        }

        Assert.Equal(42, wanted);
    }

    [Fact]
    public void Nested_messages_are_read_by_their_own_reader()
    {
        // field 7 holds a message whose field 1 is the string "abc"; field 8 follows it.
        byte[] message = [0x3A, 0x05, 0x0A, 0x03, (byte)'a', (byte)'b', (byte)'c', 0x40, 0x01];
        var reader = new ProtoReader(message);

        Assert.True(reader.TryReadTag(out int field, out _));
        Assert.Equal(7, field);
        var nested = reader.ReadMessage();
        Assert.True(nested.TryReadTag(out int inner, out _));
        Assert.Equal((1, "abc"), (inner, nested.ReadString()));
        Assert.True(nested.AtEnd);
        Assert.True(reader.TryReadTag(out field, out _));
        Assert.Equal((8, true), (field, reader.ReadBool()));
    }

    [Theory]
    [InlineData(new byte[] { 0x08 }, "varint runs past the end")]
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "longer than ten bytes")]
    [InlineData(new byte[] { 0x12, 0x05, 0x01 }, "runs past the end")]
    [InlineData(new byte[] { 0x1D, 0x00, 0x00 }, "4-byte value runs past the end")]
    [InlineData(new byte[] { 0x0F }, "unknown wire type")]
    [InlineData(new byte[] { 0x00 }, "field number 0 is invalid")]
    public void Malformed_data_fails_with_the_offset_and_reason(byte[] bytes, string reason)
    {
        var reader = new ProtoReader(bytes);

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            while (reader.TryReadTag(out _, out var wire)) reader.Skip(wire);
        });

        Assert.Contains(reason, error.Message);
        Assert.Contains("at byte", error.Message);
    }
}
