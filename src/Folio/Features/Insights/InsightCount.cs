namespace Folio.Features.Insights;

public sealed record InsightCount(InsightDescription Insight, int Count);
