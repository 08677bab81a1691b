namespace Folio.Features.Newsletters;

/// <summary>One list of follows on /settings/email with a choice each: <see cref="Field"/> names it in the form (Creators, Communities).</summary>
public sealed record FollowChoicesList(string Field, string Legend, IReadOnlyList<FollowedForEmail> Follows, IReadOnlyList<FollowChoice> Posted)
{
    /// <summary>The choice a follow's select shows: what was just posted for it, else what is stored.</summary>
    public string ChoiceFor(FollowedForEmail follow) =>
        Posted.FirstOrDefault(c => c.Id == follow.Id)?.Delivery ?? follow.Delivery?.ToString() ?? DeliveryChoices.Default;
}
