using MultiLabel.Training;

namespace MultiLabel.Cli.Settings;

/// <summary>The recipes <c>train --preset</c> starts from; every other option given overrides the preset's value.</summary>
public enum RecipePreset
{
    /// <summary><see cref="TrainingOptions.Default"/>: an ImageNet ResNet18 fine-tuned at 128 px.</summary>
    Default,
    /// <summary><see cref="TrainingOptions.Original"/>: the source recipe, ResNet50 from scratch at 224 px.</summary>
    Original,
}
