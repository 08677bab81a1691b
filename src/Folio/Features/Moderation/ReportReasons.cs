namespace Folio.Features.Moderation;

public static class ReportReasons
{
    public static string Describe(ReportReason reason) => reason switch
    {
        ReportReason.Spam => "Spam or advertising",
        ReportReason.Harassment => "Harassment or bullying",
        ReportReason.HateOrViolence => "Hate speech or incitement to violence",
        ReportReason.SexualContent => "Sexual content that breaks the rules",
        ReportReason.Misinformation => "Harmful misinformation",
        ReportReason.Plagiarism => "Plagiarism or stolen work",
        _ => "Something else",
    };
}
