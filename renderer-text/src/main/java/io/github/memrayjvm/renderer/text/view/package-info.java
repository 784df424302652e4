/**
 * What the user has chosen to look at (sort, tracker, figures, thread, scroll, gauge, paused
 * table) and how commands change it. Pure: no terminal here. {@link
 * io.github.memrayjvm.renderer.text.view.ViewState} is immutable; the other types read a
 * {@link io.github.memrayjvm.api.session.SessionState} on the thread that owns it.
 */
package io.github.memrayjvm.renderer.text.view;
