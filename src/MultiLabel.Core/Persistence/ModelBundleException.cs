namespace MultiLabel.Persistence;

/// <summary>A model bundle or checkpoint that cannot be read; the message names the file and what to do.</summary>
public sealed class ModelBundleException(string message, Exception? inner = null) : Exception(message, inner);
