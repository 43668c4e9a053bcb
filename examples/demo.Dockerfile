# The Dockerfile the example image (examples/demo-image.ts) stands for.
FROM debian:12
ENV NODE_ENV=production
RUN rm /etc/motd
COPY app/ /app
EXPOSE 22
CMD ["node", "/app/index.js"]
