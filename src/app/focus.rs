//! Keyboard focus without a window manager: on many kiosk X servers (and under Xvfb) nothing
//! hands a new window the keyboard, so a lecturer's clicker or a visitor's keys would do nothing
//! until something did. The window asks for focus through winit, and on X11 also sets the input
//! focus itself (`SetInputFocus` over a connection of its own, x11rb), once it is on screen.

use winit::window::Window;

/// Asks for the keyboard for `window`: through winit everywhere, and directly on X11.
pub fn take_keyboard_focus(window: &Window) {
    window.focus_window();
    #[cfg(all(unix, not(target_os = "macos")))]
    if let Err(e) = x11::set_input_focus(window) {
        log::debug!("could not set the X input focus: {e}");
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
mod x11 {
    use winit::raw_window_handle::{HasWindowHandle, RawWindowHandle};
    use winit::window::Window;
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ConnectionExt, InputFocus};

    pub fn set_input_focus(window: &Window) -> Result<(), String> {
        let handle = window.window_handle().map_err(|e| e.to_string())?;
        let id = match handle.as_raw() {
            RawWindowHandle::Xlib(h) => h.window as u32,
            RawWindowHandle::Xcb(h) => h.window.get(),
            // Wayland and others manage focus themselves.
            _ => return Ok(()),
        };
        let (connection, _) = x11rb::connect(None).map_err(|e| e.to_string())?;
        connection
            .set_input_focus(InputFocus::PARENT, id, x11rb::CURRENT_TIME)
            .map_err(|e| e.to_string())?
            .check()
            .map_err(|e| e.to_string())?;
        connection.flush().map_err(|e| e.to_string())
    }
}
