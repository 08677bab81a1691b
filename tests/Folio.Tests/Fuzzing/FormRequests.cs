namespace Folio.Tests.Fuzzing;

/// <summary>A form's submission as a browser would send it, then changed in one way: a field, the body, the method or the query.</summary>
public static class FormRequests
{
    private static readonly string[] ExtraFields = ["Input.Id", "Input", "Id", "UserId", "Input.Roles", "__proto__", "handler", "Input[0]", "Input.Tags[999999]"];

    public static FuzzRequest Mutate(FormTarget form, Random random)
    {
        var fields = form.BrowserFields();
        var named = fields.Where(f => f.Key != FormTarget.TokenField).ToList();
        var field = named.Count > 0 ? random.Pick(named).Key : "Input.Text";
        var choice = form.Fields.Where(f => f.IsChoice).ToList();
        return random.Next(14) switch
        {
            0 or 1 or 2 => Send(form, Replace(fields, field, random.Pick(HostileValues.Text)), $"field {field} = hostile text"),
            3 when choice.Count > 0 => OutOfRange(form, fields, random.Pick(choice), random),
            3 or 4 => Send(form, fields.Where(f => f.Key != field).ToList(), $"field {field} missing"),
            5 => Send(form, [.. fields, new(random.Pick(ExtraFields), random.Pick(HostileValues.Text))], "extra field"),
            6 => Send(form, [.. fields, new(field, random.Pick(HostileValues.Text))], $"field {field} repeated"),
            7 => Send(form, fields.Where(f => f.Key != FormTarget.TokenField).ToList(), "no antiforgery token"),
            8 => Raw(form, FormBody.WithRawValue(fields, field, random.Pick(HostileValues.InvalidUtf8)), FormBody.UrlEncoded, $"field {field} invalid UTF-8"),
            9 => Raw(form, [.. FormBody.Encode(fields), .. random.Pick(HostileValues.InvalidUtf8)], FormBody.UrlEncoded, "raw invalid UTF-8 body"),
            10 => ContentType(form, fields, random),
            11 => Send(form, fields, "returnUrl", url: FormBody.WithQuery(form.Action, random.Next(2) == 0 ? "returnUrl" : "ReturnUrl", random.Pick(HostileValues.ReturnUrls))),
            12 => Send(form, fields, "handler", url: FormBody.WithQuery(form.Action, "handler", random.Pick(HostileValues.Text))),
            _ => random.Next(3) == 0
                ? Send(form, Replace(fields, field, new string('x', HugeFieldLength(form))), "huge field")
                : Send(form, fields, "odd method", method: random.Pick(HostileValues.OddMethods)),
        };
    }

    // A GET form puts the field in the address: past Kestrel's 8 KB request line it is refused with 414 at once, and a
    // 2 MB address would still be uploading when the server closes the connection, so the client would see no answer.
    private static int HugeFieldLength(FormTarget form) =>
        string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase) ? 60_000 : 2_000_000;

    private static FuzzRequest OutOfRange(FormTarget form, List<KeyValuePair<string, string>> fields, FormField choice, Random random)
    {
        string[] values = ["abc", "2", "-1", "", "true,false", "TRUE", "on", "99999", choice.Value + "x", "Unknown"];
        return Send(form, Replace(fields, choice.Name, random.Pick(values)), $"{choice.Type} {choice.Name} out of range");
    }

    private static FuzzRequest ContentType(FormTarget form, List<KeyValuePair<string, string>> fields, Random random)
    {
        if (random.Next(3) == 0)
        {
            var (body, type) = FormBody.Multipart(fields);
            return Raw(form, body, type, "as multipart");
        }

        return Raw(form, FormBody.Encode(fields), random.Pick(HostileValues.ContentTypes), "content type");
    }

    private static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private static FuzzRequest Send(FormTarget form, List<KeyValuePair<string, string>> fields, string mutation, string? url = null, string? method = null)
    {
        method ??= form.Method;
        if (form.Method == "GET")
        {
            return new FuzzRequest(form.Identity, method, FormBody.WithQueryString(url ?? form.Action, fields), form.Template, mutation);
        }

        return Raw(form, FormBody.Encode(fields), FormBody.UrlEncoded, mutation, url, method);
    }

    private static FuzzRequest Raw(FormTarget form, byte[] body, string contentType, string mutation, string? url = null, string? method = null) =>
        new(form.Identity, method ?? (form.Method == "GET" ? "POST" : form.Method), url ?? form.Action, form.Template, mutation)
        {
            Body = body,
            ContentType = contentType,
        };
}
