namespace MultiLabel.Persistence.Onnx;

/// <summary>One dimension of a declared shape: a fixed size, a named symbolic size, or unknown.</summary>
/// <param name="Value">The fixed size, when the dimension has one.</param>
/// <param name="Parameter">The symbolic name (e.g. <c>batch</c>), when the dimension has one.</param>
public sealed record OnnxDimension(long? Value, string? Parameter)
{
    /// <inheritdoc/>
    public override string ToString() => Value?.ToString() ?? Parameter ?? "?";
}

/// <summary>A named value of a graph with its declared type (<c>ValueInfoProto</c>): graph inputs and outputs.</summary>
/// <param name="Name">Name nodes refer to it by.</param>
/// <param name="ElementType">Element type of the tensor; <see cref="OnnxDataType.Undefined"/> for non-tensor types.</param>
/// <param name="Shape">Declared dimensions, or null when the shape is not declared.</param>
/// <param name="DocString">Free documentation text.</param>
public sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<OnnxDimension>? Shape, string DocString)
{
    /// <summary>The declared shape as fixed sizes; null when the shape is missing or has a symbolic or unknown dimension.</summary>
    public long[]? FixedShape =>
        Shape is not null && Shape.All(d => d.Value.HasValue) ? Shape.Select(d => d.Value!.Value).ToArray() : null;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}: {ElementType}[{(Shape is null ? "?" : string.Join(",", Shape))}]";
}
