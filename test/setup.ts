// Pinned environment for every test file: no colour, no stray proxy or Docker settings from the developer's shell.
process.env.NO_COLOR = '1';
delete process.env.DOCKER_CONFIG;
delete process.env.PORTCULLIS_REGISTRY_USERNAME;
delete process.env.PORTCULLIS_REGISTRY_PASSWORD;
