pytest_plugins = ["iamis_shared.testing"]
