using MultiLabel.Persistence.Onnx;

namespace MultiLabel.Tests.Persistence.Onnx;

public class ProtoWriterTests
{
    [Fact]
    public void Fields_are_encoded_as_protobuf_defines()
    {
        var writer = new ProtoWriter();

        writer.WriteInt64(1, 150);
        writer.WriteString(2, "hi");
        writer.WriteFloat(3, 1.5f);
        writer.WriteInt32(4, -1);

        Assert.Equal(
            [
                0x08, 0x96, 0x01,
                0x12, 0x02, (byte)'h', (byte)'i',
                0x1D, 0x00, 0x00, 0xC0, 0x3F,
                0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            ],
            writer.ToArray());
    }

    [Fact]
    public void Measure_counts_exactly_the_bytes_a_nested_message_takes_so_the_buffer_is_sized_once()
    {
        static void Body(ProtoWriter w)
        {
            w.WriteInt64(1, 300);
            w.WriteMessage(2, inner =>
            {
                inner.WriteBytes(1, new byte[200]);
                inner.WriteMessage(2, innermost => innermost.WritePackedFloat(1, [1f, 2f, 3f]));
            });
            w.WriteString(3, "naïve");
        }

        int measured = ProtoWriter.Measure(Body);
        var sized = new ProtoWriter(measured);
        Body(sized);
        var grown = new ProtoWriter(1);
        Body(grown);

        Assert.Equal(measured, sized.Length);
        Assert.Equal(grown.ToArray(), sized.ToArray());
    }

    [Fact]
    public void A_message_body_that_writes_differently_the_second_time_is_an_error_not_a_corrupt_file()
    {
        int calls = 0;
        var writer = new ProtoWriter();

        var error = Assert.Throws<InvalidOperationException>(() =>
            writer.WriteMessage(1, body => body.WriteBytes(1, new byte[++calls])));

        Assert.Contains("measured", error.Message);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var writer = new ProtoWriter();
        writer.WriteInt64(1, long.MinValue);
        writer.WriteFixed32(2, 0xDEADBEEF);
        writer.WriteDouble(3, Math.PI);
        writer.WriteMessage(4, inner =>
        {
            inner.WriteString(1, "naïve");
            inner.WritePackedInt64(2, [0, -1, 1L << 40]);
            inner.WritePackedFloat(3, [0.25f, float.MaxValue]);
        });
        writer.WriteBytes(5, [1, 2, 3]);
        var reader = new ProtoReader(writer.ToArray());

        Assert.True(reader.TryReadTag(out _, out _));
        Assert.Equal(long.MinValue, reader.ReadInt64());
        Assert.True(reader.TryReadTag(out _, out _));
        Assert.Equal(0xDEADBEEF, reader.ReadFixed32());
        Assert.True(reader.TryReadTag(out _, out _));
        Assert.Equal(Math.PI, reader.ReadDouble());
        Assert.True(reader.TryReadTag(out int field, out _));
        Assert.Equal(4, field);
        var inner = reader.ReadMessage();
        Assert.True(inner.TryReadTag(out _, out _));
        Assert.Equal("naïve", inner.ReadString());
        List<long> ints = [];
        List<float> floats = [];
        Assert.True(inner.TryReadTag(out _, out var wire));
        inner.ReadRepeatedInt64(wire, ints);
        Assert.True(inner.TryReadTag(out _, out wire));
        inner.ReadRepeatedFloat(wire, floats);
        Assert.Equal([0L, -1L, 1L << 40], ints);
        Assert.Equal([0.25f, float.MaxValue], floats);
        Assert.True(reader.TryReadTag(out _, out _));
        Assert.Equal([1, 2, 3], reader.ReadBytes().ToArray());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void Empty_packed_fields_are_left_out()
    {
        var writer = new ProtoWriter();

        writer.WritePackedInt64(1, []);
        writer.WritePackedFloat(2, []);

        Assert.Equal(0, writer.Length);
    }
}
