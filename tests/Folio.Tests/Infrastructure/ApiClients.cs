using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Folio.Features.Creators;
using Folio.Features.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Infrastructure;

/// <summary>An API caller: a person with the persona's roles and a personal access token sent as Bearer.</summary>
public sealed record ApiClient(HttpClient Http, FolioUser? User, string? Token) : IDisposable
{
    public void Dispose() => Http.Dispose();

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) => Http.PostAsJsonAsync(url, body);

    public Task<HttpResponseMessage> PatchJsonAsync(string url, object body) => Http.PatchAsJsonAsync(url, body);

    public Task<HttpResponseMessage> DeleteAsync(string url) => Http.DeleteAsync(url);

    /// <summary>Sends the text exactly as given, for malformed and hostile bodies.</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, string body, string contentType = "application/json") =>
        Http.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });
}

public static class ApiClients
{
    public static async Task<ApiClient> ApiClientForAsync(this FolioApp app, Persona persona, string? username = null)
    {
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (persona == Persona.Anonymous)
        {
            return new ApiClient(http, null, null);
        }

        var user = await app.Data.PersonAsync(username ?? TestData.Unique(persona.ToString().ToLowerInvariant()));
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
            var tracked = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The user just created is gone.");
            await users.AddToRolesAsync(tracked, Personas.RolesOf(persona));
            token = await ActivatorUtilities.CreateInstance<TokenIssuer>(scope.ServiceProvider).IssueAsync(user.Id, "tests");
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http, user, token);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(text), $"{(int)response.StatusCode}: empty body");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem detail with the status, and returns it for further checks.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The messages a validation problem gives for one field (by its JSON name).</summary>
    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : [];
}
