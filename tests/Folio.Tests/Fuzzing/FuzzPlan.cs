namespace Folio.Tests.Fuzzing;

/// <summary>The requests of one run, drawn from a seed: the same seed and count give the same requests.</summary>
public sealed record FuzzPlan(IReadOnlyList<FormTarget> Forms, IReadOnlyList<(string Identity, string Page)> Pages,
    IReadOnlyList<OpenApiOperation> Operations, FuzzSite Site)
{
    public List<FuzzRequest> Draw(int seed, int count)
    {
        var random = new Random(seed);
        var requests = new List<FuzzRequest>(count);
        while (requests.Count < count)
        {
            var source = random.Next(10);
            if (source < 4 && Forms.Count > 0)
            {
                requests.Add(FormRequests.Mutate(random.Pick(Forms), random));
            }
            else if (source < 7 && Operations.Count > 0)
            {
                requests.Add(ApiRequests.Mutate(random.Pick(Operations), Site, random));
            }
            else if (Pages.Count > 0)
            {
                var (identity, page) = random.Pick(Pages);
                requests.Add(PageRequests.Mutate(identity, page, Site, random));
            }
        }

        return requests;
    }
}
