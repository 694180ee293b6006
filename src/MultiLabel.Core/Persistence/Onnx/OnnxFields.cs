namespace MultiLabel.Persistence.Onnx;

/// <summary>Field numbers of the onnx.proto messages that are read and written.</summary>
internal static class OnnxFields
{
    internal static class Model
    {
        public const int IrVersion = 1, ProducerName = 2, ProducerVersion = 3, Domain = 4, ModelVersion = 5,
            DocString = 6, Graph = 7, OpsetImport = 8, MetadataProps = 14;
    }

    internal static class OperatorSet
    {
        public const int Domain = 1, Version = 2;
    }

    internal static class StringEntry
    {
        public const int Key = 1, Value = 2;
    }

    internal static class Graph
    {
        public const int Node = 1, Name = 2, Initializer = 5, DocString = 10, Input = 11, Output = 12, ValueInfo = 13;
    }

    internal static class Node
    {
        public const int Input = 1, Output = 2, Name = 3, OpType = 4, Attribute = 5, DocString = 6, Domain = 7;
    }

    internal static class Attribute
    {
        public const int Name = 1, F = 2, I = 3, S = 4, T = 5, G = 6, Floats = 7, Ints = 8, Strings = 9,
            Tensors = 10, Graphs = 11, Type = 20, SparseTensor = 22, SparseTensors = 23;
    }

    internal static class Tensor
    {
        public const int Dims = 1, DataType = 2, Segment = 3, FloatData = 4, Int32Data = 5, StringData = 6,
            Int64Data = 7, Name = 8, RawData = 9, DocString = 12, ExternalData = 13, DataLocation = 14;

        /// <summary><c>TensorProto.DataLocation.EXTERNAL</c>.</summary>
        public const int ExternalLocation = 1;
    }

    internal static class ValueInfo
    {
        public const int Name = 1, Type = 2, DocString = 3;
    }

    internal static class TypeProto
    {
        public const int TensorType = 1;
    }

    internal static class TensorType
    {
        public const int ElemType = 1, Shape = 2;
    }

    internal static class Shape
    {
        public const int Dim = 1;
    }

    internal static class Dimension
    {
        public const int Value = 1, Param = 2;
    }
}
