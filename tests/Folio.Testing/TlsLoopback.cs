using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Folio.Testing;

/// <summary>
/// A throwaway certificate authority and a server certificate it signed for localhost and 127.0.0.1, written to a
/// folder of their own: the CA as PEM for a client to trust (Node's NODE_EXTRA_CA_CERTS), the server's certificate and
/// key as PEM for Kestrel. Nothing is added to the machine's trust store; disposing removes the folder.
/// </summary>
public sealed class TlsLoopback : IDisposable
{
    private TlsLoopback(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPath => Path.Combine(Directory, "ca.pem");

    public string CertificatePath => Path.Combine(Directory, "localhost.pem");

    public string KeyPath => Path.Combine(Directory, "localhost.key");

    /// <summary>What makes Folio's Kestrel serve https with the server certificate.</summary>
    public IReadOnlyDictionary<string, string?> KestrelSettings => new Dictionary<string, string?>
    {
        ["Kestrel:Certificates:Default:Path"] = CertificatePath,
        ["Kestrel:Certificates:Default:KeyPath"] = KeyPath,
    };

    /// <summary>A handler that trusts this CA alone, for a test's own client of the https server.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(CaPath));
        return new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    // The name must match; only the chain is judged here, against this CA instead of the machine's.
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                },
            },
        };
    }

    public static TlsLoopback Create()
    {
        var tls = new TlsLoopback(Path.Combine(Path.GetTempPath(), "folio-tests", "tls-" + Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(tls.Directory);
        var now = DateTimeOffset.UtcNow;

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Folio test CA (throwaway)", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build(critical: false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(tls.CaPath, ca.ExportCertificatePem());
        File.WriteAllText(tls.CertificatePath, server.ExportCertificatePem());
        File.WriteAllText(tls.KeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return tls;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the OS temp cleaner takes it later.
        }
    }
}
