namespace MultiLabel.Training;

/// <summary>The training objective over each label's sigmoid output.</summary>
public enum LossKind
{
    /// <summary>Binary cross-entropy on the logits.</summary>
    Bce,

    /// <summary>
    /// Asymmetric loss (Ridnik et al., ICCV 2021): positives as in cross-entropy (γ+ = 0), negatives
    /// down-weighted by pₘ⁴ where pₘ = max(p − 0.05, 0), so easy negatives (p ≤ 0.05) cost nothing.
    /// </summary>
    Asl,

    /// <summary>Focal loss (Lin et al. 2017) with γ = 2 on both sides, without α balancing.</summary>
    Focal,
}
