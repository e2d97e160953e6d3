//! Surviving GPU faults: device loss, validation errors, and errors the app did not expect.
//!
//! How it works: [`DeviceHealth::watch`] installs a device-lost callback and an uncaptured-error
//! handler on a device (wgpu's default handler panics, which a kiosk must never do). Both only
//! record what happened in shared state; the window checks [`DeviceHealth::lost`] once per frame
//! and, when set, rebuilds the GPU context and the lesson from a [`super::checkpoint`]. Every
//! distinct error message is logged once ([`ReportOnce`]), so a broken pipeline that fails every
//! frame does not flood the overnight log. [`validated`] runs GPU work inside a validation error
//! scope and turns a failure into an `Err` (one line), for pipeline creation and for a frame
//! whose result should be dropped (the last good frame stays on screen).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// Distinct messages remembered; after this many, new ones are still logged but not remembered.
const MAX_REMEMBERED: usize = 256;

/// Logs each distinct message once.
#[derive(Debug, Default)]
pub struct ReportOnce {
    seen: HashSet<String>,
    /// Every report, repeated or not.
    pub total: u64,
}

impl ReportOnce {
    /// Logs `message` at error level unless it was logged before; returns whether it was new.
    pub fn report(&mut self, message: &str) -> bool {
        self.total += 1;
        if self.seen.contains(message) {
            return false;
        }
        log::error!("{message}");
        if self.seen.len() < MAX_REMEMBERED {
            self.seen.insert(message.to_owned());
        }
        true
    }

    /// Distinct messages reported.
    pub fn distinct(&self) -> usize {
        self.seen.len()
    }
}

/// One line from a wgpu error (its Display spans several lines).
pub fn one_line(error: &wgpu::Error) -> String {
    let text = error.to_string();
    let mut parts = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut line = parts.next().unwrap_or("GPU error").to_owned();
    for part in parts.take(6) {
        line.push_str(" | ");
        line.push_str(part);
    }
    line
}

#[derive(Debug, Default)]
struct Health {
    lost: Option<String>,
    errors: ReportOnce,
}

/// What a device has reported: lost or not, and its uncaptured errors. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct DeviceHealth {
    inner: Arc<Mutex<Health>>,
}

impl DeviceHealth {
    /// Watches `device`: records loss and uncaptured errors instead of panicking.
    pub fn watch(device: &wgpu::Device) -> Self {
        let health = Self::default();
        let lost = health.clone();
        device.set_device_lost_callback(move |reason, message| {
            let text = format!("GPU device lost ({reason:?}): {message}");
            log::warn!("{text}");
            lost.lock().lost.get_or_insert(text);
        });
        let errors = health.clone();
        device.on_uncaptured_error(Arc::new(move |error: wgpu::Error| {
            errors.lock().errors.report(&one_line(&error));
        }));
        health
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Health> {
        // A panic while holding the lock cannot leave `Health` inconsistent.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Why the device was lost, once it is.
    pub fn lost(&self) -> Option<String> {
        self.lock().lost.clone()
    }

    /// (distinct, total) uncaptured errors so far.
    pub fn error_counts(&self) -> (usize, u64) {
        let h = self.lock();
        (h.errors.distinct(), h.errors.total)
    }

    /// Reports an error caught elsewhere (e.g. by [`validated`]) through the same once-only log.
    pub fn report(&self, message: &str) -> bool {
        self.lock().errors.report(message)
    }
}

/// Runs `f` inside a validation error scope on `device`; a validation error becomes `Err` with a
/// one-line message (the value `f` made is dropped). Never panics on GPU errors.
pub fn validated<T>(device: &wgpu::Device, f: impl FnOnce() -> T) -> Result<T, String> {
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let value = f();
    match pollster::block_on(scope.pop()) {
        None => Ok(value),
        Some(error) => Err(one_line(&error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_once_logs_each_message_once() {
        let mut r = ReportOnce::default();
        assert!(r.report("shader broke"));
        assert!(!r.report("shader broke"));
        assert!(r.report("other"));
        assert_eq!((r.distinct(), r.total), (2, 3));
        for i in 0..1000 {
            r.report(&format!("e{i}"));
        }
        assert_eq!(r.distinct(), MAX_REMEMBERED);
    }
}
