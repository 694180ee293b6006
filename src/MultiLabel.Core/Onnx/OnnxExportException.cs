namespace MultiLabel.Onnx;

/// <summary>A network that cannot be written as ONNX; the message names the layer that cannot be expressed.</summary>
public sealed class OnnxExportException(string message, Exception? inner = null) : Exception(message, inner);
