/**
 * The {@code text} renderer: memray's full-screen live view on a JLine terminal. {@link
 * io.github.memrayjvm.renderer.text.TextRendererProvider} is the service provider; {@link
 * io.github.memrayjvm.renderer.text.LiveView} is the terminal loop; the screen itself is the pure
 * function in {@link io.github.memrayjvm.renderer.text.layout}.
 */
package io.github.memrayjvm.renderer.text;
