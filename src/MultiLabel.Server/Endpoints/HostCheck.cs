using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Http;

namespace MultiLabel.Server.Endpoints;

/// <summary>
/// Answers only requests whose <c>Host</c> header names a host the server was started for
/// (<see cref="ServeOptions.AllowedHosts"/>): a web page elsewhere that points its own name at 127.0.0.1 (DNS rebinding)
/// sends its own name as the host, and gets 400 instead of the model's answers.
/// </summary>
internal sealed class HostCheck
{
    private readonly HashSet<string> allowed = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool any;

    public HostCheck(ServeOptions options)
    {
        if (options.AllowedHosts is { } given)
        {
            any = given.Contains("*");
            allowed.UnionWith(given.Select(Normalize));
            return;
        }
        allowed.UnionWith(["localhost", "127.0.0.1", "::1"]);
        foreach (string url in options.Urls)
        {
            string host = HostOf(url);
            if (host is "0.0.0.0" or "[::]" or "*" or "+") AddThisMachine();
            else allowed.Add(Normalize(host));
        }
    }

    /// <summary>The host names answered, for messages.</summary>
    public IEnumerable<string> Allowed => allowed.Order(StringComparer.Ordinal);

    /// <summary>Refuses a request for another host with 400 and a JSON error; passes the others on.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        string host = context.Request.Host.Host;
        if (any || (host.Length > 0 && allowed.Contains(Normalize(host))))
        {
            await next(context);
            return;
        }
        string shown = host.Length == 0 ? "no Host header" : $"the Host header '{host}'";
        await PredictEndpoint.Error(StatusCodes.Status400BadRequest,
                $"{shown} names no host this server answers ({string.Join(", ", Allowed)}); start it with --allowed-hosts naming the host clients use")
            .ExecuteAsync(context);
    }

    private void AddThisMachine()
    {
        allowed.Add(Dns.GetHostName());
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                foreach (var address in nic.GetIPProperties().UnicastAddresses)
                    allowed.Add(Normalize(address.Address.ToString()));
        }
        catch (NetworkInformationException)
        {
            // Without the interface list the machine is still reachable by name and on loopback.
        }
    }

    /// <summary>The host part of a Kestrel URL (<c>http://host:port</c>).</summary>
    private static string HostOf(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal);
        string rest = start < 0 ? url : url[(start + 3)..];
        int slash = rest.IndexOf('/');
        if (slash >= 0) rest = rest[..slash];
        if (rest.StartsWith('[')) return rest[..(rest.IndexOf(']') + 1)];
        int colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    /// <summary>IPv6 addresses compared without brackets or zone; names without a trailing dot.</summary>
    private static string Normalize(string host)
    {
        host = host.Trim().TrimEnd('.');
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        int zone = host.IndexOf('%');
        return zone >= 0 ? host[..zone] : host;
    }
}
