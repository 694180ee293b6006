namespace MultiLabel.Onnx.Protobuf;

/// <summary>A named value of a graph with its declared type: graph inputs and outputs.</summary>
public sealed partial class ValueInfoProto
{
    /// <summary>Element type of a tensor value; <c>Undefined</c> for other types.</summary>
    public TensorProto.Types.DataType ElementType =>
        Type?.TensorType is { } tensor ? (TensorProto.Types.DataType)tensor.ElemType : TensorProto.Types.DataType.Undefined;

    /// <summary>The declared shape as fixed sizes; null when the shape is missing or has a symbolic or unknown dimension.</summary>
    public long[]? FixedShape =>
        Type?.TensorType?.Shape is { } shape && shape.Dim.All(d => d.HasDimValue) ? shape.Dim.Select(d => d.DimValue).ToArray() : null;

    /// <summary>A tensor value of <paramref name="elementType"/> whose dimensions are fixed sizes (<c>long</c>) or symbolic names (<c>string</c>).</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType elementType, IEnumerable<object> dims, string docString)
    {
        var shape = new TensorShapeProto();
        foreach (object dim in dims)
            shape.Dim.Add(dim is string parameter ? new TensorShapeProto.Types.Dimension { DimParam = parameter }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
            DocString = docString,
        };
    }

    /// <summary>The value as error messages and tests show it, e.g. <c>pixels: Uint8[batch,32,32,3]</c>.</summary>
    public string Describe()
    {
        var shape = Type?.TensorType?.Shape;
        string dims = shape is null ? "?" : string.Join(",", shape.Dim.Select(d => d.HasDimValue ? d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : d.HasDimParam ? d.DimParam : "?"));
        return $"{Name}: {ElementType}[{dims}]";
    }
}
