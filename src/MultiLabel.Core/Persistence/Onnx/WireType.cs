namespace MultiLabel.Persistence.Onnx;

/// <summary>How a Protocol Buffers field's value is laid out on the wire (the low three bits of its tag).</summary>
public enum WireType
{
    /// <summary>A base-128 varint: int32, int64, uint64, bool, enum.</summary>
    Varint = 0,

    /// <summary>Eight little-endian bytes: fixed64, sfixed64, double.</summary>
    Fixed64 = 1,

    /// <summary>A varint length then that many bytes: string, bytes, nested messages, packed repeated scalars.</summary>
    LengthDelimited = 2,

    /// <summary>Start of a group (deprecated; ONNX never uses it).</summary>
    StartGroup = 3,

    /// <summary>End of a group (deprecated; ONNX never uses it).</summary>
    EndGroup = 4,

    /// <summary>Four little-endian bytes: fixed32, sfixed32, float.</summary>
    Fixed32 = 5,
}
