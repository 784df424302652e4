/**
 * The default transport, {@code tcp}: {@link io.github.memrayjvm.api.wire.WireCodec} frames over
 * TCP with Netty's NIO transport. The one public type is the provider,
 * {@link io.github.memrayjvm.transport.netty.TcpTransportProvider}; everything else is internal.
 *
 * <p>Map of the package: the provider hands the tracked side to {@code TcpServer} (one
 * {@code ServerConnection} per incoming connection, a {@code TcpViewerChannel} per accepted
 * viewer) and the viewer side to {@code TcpClient} ({@code ClientConnection}, an
 * {@code InboundQueue} with backpressure, a {@code TcpViewerLink}). Both sides cut frames with
 * {@code FrameDecoder}, run on a {@code SingleEventLoop}, and set Netty up with
 * {@code NettyDefaults}.
 */
package io.github.memrayjvm.transport.netty;
