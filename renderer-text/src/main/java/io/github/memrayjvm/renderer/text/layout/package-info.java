/**
 * The screen of the live view as a pure function: {@link
 * io.github.memrayjvm.renderer.text.layout.ScreenLayout#render} turns the session state, the
 * view state, a size and a time into lines of styled text. Nothing here touches a terminal.
 */
package io.github.memrayjvm.renderer.text.layout;
