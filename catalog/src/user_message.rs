//! The docs' user messages name the app as `<app name>`.

/// The placeholder the docs use for the application's name.
pub const APP_NAME_PLACEHOLDER: &str = "<app name>";

/// `message` with every `<app name>` replaced by `app_name`.
pub(crate) fn fill(message: &str, app_name: &str) -> String {
    message.replace(APP_NAME_PLACEHOLDER, app_name)
}
