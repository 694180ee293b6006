namespace MultiLabel.Inference;

/// <summary>Progress of running images through a model: images done of the total.</summary>
public readonly record struct InferenceProgress(int Done, int Total);
