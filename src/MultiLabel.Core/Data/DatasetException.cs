namespace MultiLabel.Data;

/// <summary>A dataset that cannot be used as given; the message says what is wrong and how to fix it.</summary>
public sealed class DatasetException(string message) : Exception(message);
