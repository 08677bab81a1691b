namespace Folio.Features.ChallengeAdmin;

/// <summary>One row of the criteria table as typed; a row left empty is no criterion.</summary>
public sealed class CriterionInput
{
    public string? Name { get; set; }
    public string? Weight { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Weight);
}
