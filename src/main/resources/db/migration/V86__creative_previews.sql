-- Creative previews for the dashboard's creatives page (package vision, issue 17): per creative a small JPEG
-- thumbnail (longest side at most 320 px; a video's first sampled frame) and the detections of its first analysed
-- frame, boxes in the original's pixels. Written with the creative, replaced when it is re-analysed.
create table vision_creative_preview (
    creative_id       varchar(36)  not null primary key references vision_creative (id) on delete cascade,
    thumbnail         bytea        not null,
    thumbnail_width   integer      not null,
    thumbnail_height  integer      not null,
    original_width    integer      not null,
    original_height   integer      not null,
    detections        ${json_type} not null
);
