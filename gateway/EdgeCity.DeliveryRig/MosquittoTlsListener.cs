namespace EdgeCity.DeliveryRig;

/// <summary>A rig Mosquitto's TLS listener: its certificate and key, and the CA its clients' certificates must chain to.</summary>
/// <param name="CertificateFile">The broker's certificate (PEM).</param>
/// <param name="KeyFile">Its private key (PEM).</param>
/// <param name="CaFile">The certificate authority of client certificates (PEM); Mosquitto requires it for a TLS listener.</param>
/// <param name="RequireClientCertificate">Refuse clients without a certificate from <paramref name="CaFile"/> (mutual TLS).</param>
public sealed record MosquittoTlsListener(string CertificateFile, string KeyFile, string CaFile, bool RequireClientCertificate);
