using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.SiteAdmin;

/// <summary>What the site settings tests share: the /admin/site form as a browser sends it, and uploads.</summary>
internal static class SiteForms
{
    public static Dictionary<string, string> General(string name = "Night Owls", string description = "Stories told after dark.", string accent = "",
        string signUpMode = "Open", bool requireConfirmedEmail = false, string digestHour = "8", string weeklyDigestDay = "Monday",
        params (string Label, string Url)[] links)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Description"] = description,
            ["Input.AccentColour"] = accent,
            ["Input.SignUpMode"] = signUpMode,
            ["Input.RequireConfirmedEmail"] = requireConfirmedEmail ? "true" : "false",
            ["Input.DigestHour"] = digestHour,
            ["Input.WeeklyDigestDay"] = weeklyDigestDay,
        };
        for (var i = 0; i < links.Length; i++)
        {
            fields[$"Input.Links[{i}].Label"] = links[i].Label;
            fields[$"Input.Links[{i}].Url"] = links[i].Url;
        }

        return fields;
    }

    /// <summary>The general form's fields as the page shows them, so a test changes only what it names.</summary>
    public static async Task<Dictionary<string, string>> ShownAsync(this HttpClient admin)
    {
        var form = (await admin.GetHtmlAsync("/admin/site")).QuerySelectorAll("form").Single(f => f.QuerySelector("[name='Input.Name']") is not null);
        var fields = new Dictionary<string, string>();
        foreach (var field in form.QuerySelectorAll("input[name^='Input.'], textarea[name^='Input.']"))
        {
            var type = field.GetAttribute("type");
            if ((type is "radio" or "checkbox" && !field.HasAttribute("checked")) || (type == "hidden" && fields.ContainsKey(field.GetAttribute("name")!)))
            {
                continue;
            }

            fields[field.GetAttribute("name")!] = field.TagName == "TEXTAREA" ? field.TextContent : field.GetAttribute("value") ?? "";
        }

        foreach (var select in form.QuerySelectorAll("select[name^='Input.']"))
        {
            var chosen = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
            fields[select.GetAttribute("name")!] = chosen?.GetAttribute("value") ?? "";
        }

        return fields;
    }

    public static Task<HttpResponseMessage> SaveGeneralAsync(this HttpClient admin, Dictionary<string, string> fields) =>
        admin.PostFormAsync("/admin/site", fields);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient admin, string field, byte[] file, string fileName, string contentType = "image/png")
    {
        var page = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("/admin/site"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, field, fileName);
        return await admin.PostAsync($"/admin/site?handler={field}", content);
    }

    public static Dictionary<string, string> SignUp(string username) => new()
    {
        ["Input.Email"] = $"{username}@example.org",
        ["Input.UserName"] = username,
        ["Input.DisplayName"] = $"Display {username}",
        ["Input.Password"] = "a long enough password",
    };
}
