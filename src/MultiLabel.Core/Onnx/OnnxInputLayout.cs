namespace MultiLabel.Onnx;

/// <summary>How an exported graph's uint8 input is laid out.</summary>
public enum OnnxInputLayout
{
    /// <summary><c>[batch, height, width, 3]</c>: what image libraries give; the layout of the public exported file.</summary>
    Nhwc,

    /// <summary><c>[batch, 3, height, width]</c>: the planar layout the decoder and the engines use; the one kept inside a bundle.</summary>
    Nchw,
}
